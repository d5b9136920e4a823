# jiceng: the two commands a newcomer needs are `make demo` and `make test`.
# Each installs missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR   ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
# CI builds treat warnings as errors.
WERROR      := $(if $(CI),ON,OFF)
CMAKE_FLAGS ?=
JICENG      := $(BUILD_DIR)/bin/jiceng
# Sanitizer and fuzzing builds live in their own directories (CMakePresets.json).
ASAN_DIR    := build/asan
TSAN_DIR    := build/tsan
FUZZ_DIR    ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := scenario_loader experiment_loader targets_loader run_reader

.PHONY: build demo test bench docs deps configure clean format check-format test-asan test-tsan fuzz update-baseline

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	@scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_COMPILE_WARNING_AS_ERROR=$(WERROR) $(CMAKE_FLAGS) > $(BUILD_DIR).configure.log 2>&1 \
	  || { cat $(BUILD_DIR).configure.log; exit 1; }

# The default comparison: baseline street against 楼组党建, 3 replicates each
# with common random numbers, five years; run files land in output/.
demo: build
	$(JICENG) compare scenarios/baseline.toml scenarios/louzu.toml --replicates 3 --out-dir output
	@ls -1 output/*.h5

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer + UBSan, less the 10- and 25-million
# smoke runs (label large). A report exits 86, which no
# test expects (a test that expects exit 1 cannot mistake a report for it).
test-asan: deps
	@cmake --preset asan -DCMAKE_COMPILE_WARNING_AS_ERROR=$(WERROR) > $(ASAN_DIR).configure.log 2>&1 \
	  || { cat $(ASAN_DIR).configure.log; exit 1; }
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=exitcode=86:detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=$(CURDIR)/fuzz/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j $(JOBS) -LE '^large$$'

# ThreadSanitizer on the tests that step the model on several threads
# (labels simulation and synthesis: synthesis, stepping, determinism across threads).
# The preset builds the model's parallel loop on std::thread
# (sim/core/parallel.hpp), which TSan sees, instead of Debian's uninstrumented
# oneTBB, which it cannot: no suppressions are needed.
test-tsan: deps
	@cmake --preset tsan -DCMAKE_COMPILE_WARNING_AS_ERROR=$(WERROR) > $(TSAN_DIR).configure.log 2>&1 \
	  || { cat $(TSAN_DIR).configure.log; exit 1; }
	cmake --build $(TSAN_DIR) -j $(JOBS) --target test_simulation test_synthesis
	cd $(TSAN_DIR) && TSAN_OPTIONS=exitcode=66:halt_on_error=1:second_deadlock_stack=1 \
	  ctest --output-on-failure -j $(JOBS) -L '^(simulation|synthesis)$$'

# libFuzzer targets for the input readers (clang, ASan + UBSan), each run for
# FUZZ_SECONDS from its seed corpus in fuzz/corpus/; prints executions and findings.
fuzz:
	@scripts/install-deps.sh clang libclang-rt-14-dev
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJICENG_FUZZ=ON \
	  -DJICENG_BUILD_TESTS=OFF -DJICENG_BUILD_VIEWER=OFF -DJICENG_BUILD_BENCH=OFF -DJICENG_WITH_MPI=OFF \
	  > $(FUZZ_DIR).configure.log 2>&1 || { cat $(FUZZ_DIR).configure.log; exit 1; }
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	scripts/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: build
	bench/run.sh $(JICENG)

# Regenerates the golden baseline (tests/regression/) on purpose; say in the
# commit which numbers moved and why.
update-baseline: build
	scripts/update-baseline.sh $(JICENG)

# Regenerated from the tables; written aside first so a failure never truncates them.
docs: build
	$(JICENG) params --markdown > docs/parameters.md.tmp && mv docs/parameters.md.tmp docs/parameters.md
	$(JICENG) outputs --markdown > docs/outputs.md.tmp && mv docs/outputs.md.tmp docs/outputs.md

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

check-format:
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp') \
	  || { echo "check-format: run 'make format' (clang-format $$(clang-format --version | grep -o '[0-9][0-9.]*' | head -1), .clang-format)"; exit 1; }
	@echo "check-format: every C++ file is formatted"

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR).configure.log

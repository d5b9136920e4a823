# jiceng: the two commands a newcomer needs are `make demo` and `make test`.
# Each installs missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR   ?= build
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)
# CI builds treat warnings as errors.
WERROR      := $(if $(CI),ON,OFF)
CMAKE_FLAGS ?=
JICENG      := $(BUILD_DIR)/bin/jiceng

.PHONY: build demo test bench docs deps configure clean format check-format

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

bench: build
	bench/run.sh $(JICENG)

# Regenerated from the tables; written aside first so a failure never truncates them.
docs: build
	$(JICENG) params --markdown > docs/parameters.md.tmp && mv docs/parameters.md.tmp docs/parameters.md
	$(JICENG) outputs --markdown > docs/outputs.md.tmp && mv docs/outputs.md.tmp docs/outputs.md

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

check-format:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR) $(BUILD_DIR).configure.log

#!/usr/bin/env bash
# End-to-end tests of jiceng-viz, one case per call (see CMakeLists.txt):
#   viewer_tests.sh CASE JICENG_VIZ JICENG VIZ_TEST_TOOL SOURCE_DIR WORK_DIR [VIZ_X_DRIVER]
# Screenshots are rendered under a virtual display (xvfb-run -a) and checked
# with viz_test_tool: not blank, and different where they should differ.
set -u
case_name=$1 VIZ=$2 JICENG=$3 TOOL=$4 SRC=$5 WORK=$6
SIZE=1280x720
mkdir -p "$WORK"
cd "$WORK" || exit 1

fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
xvfb() { xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; }
# shot OUT.png [ARGS...]: renders one screenshot; the log keeps the map regions.
shot() {
    local out=$1; shift
    xvfb "$VIZ" "$@" --screenshot "$out" > "$out.log" 2>&1 || { cat "$out.log" >&2; fail "jiceng-viz $* --screenshot $out"; }
    "$TOOL" not-blank "$out" || fail "$out is blank"
}
# region OUT.png NAME: "x y w h" of map NAME (a, b or difference) in that screenshot.
region() { awk -v name="map_$2" '$1 == "region" && $2 == name { print $3, $4, $5, $6 }' "$1.log"; }
# refuses PATTERN ARGS...: jiceng-viz exits 2 with a message matching PATTERN, and does not crash.
refuses() {
    local pattern=$1; shift
    "$VIZ" "$@" > "refused-$case_name.log" 2>&1
    local status=$?
    [ "$status" -eq 2 ] || { cat "refused-$case_name.log" >&2; fail "jiceng-viz $* exited $status, expected 2"; }
    grep -q -- "$pattern" "refused-$case_name.log" || { cat "refused-$case_name.log" >&2; fail "jiceng-viz $*: message lacks '$pattern'"; }
    echo "ok: jiceng-viz $* -> exit 2: $(head -c 160 "refused-$case_name.log" | head -n 1)"
}

case "$case_name" in
runs)  # fixture: short runs of two scenarios, and a second replicate
    "$JICENG" run "$SRC/scenarios/baseline.toml" --days 120 --out baseline.h5 -q || fail "jiceng run baseline"
    "$JICENG" run "$SRC/scenarios/louzu.toml" --days 120 --out louzu.h5 -q || fail "jiceng run louzu"
    "$JICENG" run "$SRC/scenarios/louzu.toml" --days 120 --replicate 1 --out louzu-r1.h5 -q || fail "jiceng run louzu replicate 1"
    ;;
single)  # one run: day 0 and the last day differ on the map
    shot day0.png louzu.h5 --day 0 --lang zh --size $SIZE
    shot last.png louzu.h5 --lang zh --size $SIZE
    read -r x y w h <<< "$(region last.png a)"
    [ -n "${h:-}" ] || fail "no map region reported"
    "$TOOL" differ day0.png last.png "$x" "$y" "$w" "$h" || fail "the map on day 0 and on the last day look the same"
    ;;
ab)  # A/B: the two maps differ, and a B-only screenshot differs from an A-only one
    shot ab.png baseline.h5 louzu.h5 --lang zh --size $SIZE
    read -r ax ay w h <<< "$(region ab.png a)"
    read -r bx by _ _ <<< "$(region ab.png b)"
    [ -n "$(region ab.png difference)" ] || fail "no difference map in the A/B screenshot"
    "$TOOL" differ-regions ab.png "$ax" "$ay" "$bx" "$by" "$w" "$h" || fail "maps A and B look the same"
    shot a.png baseline.h5 --layer groups_present --size $SIZE
    shot b.png louzu.h5 --layer groups_present --size $SIZE
    read -r x y w h <<< "$(region a.png a)"
    "$TOOL" differ a.png b.png "$x" "$y" "$w" "$h" || fail "the baseline and louzu maps look the same"
    ;;
language)  # English and Chinese screenshots of the same frame differ (the text)
    shot zh.png louzu.h5 --lang zh --size $SIZE
    shot en.png louzu.h5 --lang en --size $SIZE
    "$TOOL" differ zh.png en.png || fail "the Chinese and English screenshots look the same"
    ;;
runset)  # replicates give bands; a set mixing scenarios is refused
    shot bands.png "louzu.h5,louzu-r1.h5" baseline.h5 --size $SIZE
    shot pattern.png "louzu*.h5" --size $SIZE
    refuses "replicates of one scenario" "louzu.h5,baseline.h5"
    refuses "matches no file" "nothing-*.h5"
    ;;
resize)  # the layout scales with the size
    shot small.png louzu.h5 --size 1024x600
    shot large.png louzu.h5 --size 2400x1350
    read -r _ _ ws _ <<< "$(region small.png a)"
    read -r _ _ wl _ <<< "$(region large.png a)"
    awk -v s="$ws" -v l="$wl" 'BEGIN { r1 = s / 1024; r2 = l / 2400; d = r1 - r2; if (d < 0) d = -d; exit !(d < 0.03) }' ||
        fail "the map takes $ws of 1024 pixels but $wl of 2400"
    ;;
bad_input)  # bad files and arguments: a clear message and exit 2, never a crash
    "$TOOL" make-bad-files louzu.h5 bad || fail "cannot make the damaged files"
    refuses "no such file" bad/absent.h5
    refuses "truncated or damaged" bad/truncated.h5
    refuses "not an HDF5 file" bad/text.h5
    refuses "not a jiceng run file" bad/foreign.h5
    refuses "format version 99 is not supported" bad/version.h5
    refuses "format version 99" louzu.h5 bad/version.h5
    refuses "is outside the run" louzu.h5 --screenshot x.png --day 9999
    refuses "no such map layer" louzu.h5 --layer nonsense
    refuses "no such outcome" louzu.h5 --outcomes trust_mean,nonsense
    refuses "font file" louzu.h5 --font bad/absent.ttf
    refuses "not a font file" louzu.h5 --font bad/text.h5
    refuses "zh or en" louzu.h5 --lang fr
    refuses "give a run file" --size 800x600
    refuses "not a live lever" --live "$SRC/scenarios/louzu.toml" --change run.days=5@3
    refuses "KEY=VALUE@DAY" --live "$SRC/scenarios/louzu.toml" --change strategies.louzu.enabled
    ;;
no_display)  # without a display: a message that says what to do, not an abort
    env -u DISPLAY "$VIZ" louzu.h5 > nodisplay.log 2>&1
    status=$?
    [ "$status" -eq 1 ] || { cat nodisplay.log >&2; fail "exit $status without a display, expected 1"; }
    grep -q "xvfb-run" nodisplay.log || fail "the message does not mention xvfb-run"
    ;;
live)  # live mode: the run is simulated, changes are recorded in the file
    rm -f live.h5
    shot live.png --live "$SRC/scenarios/louzu.toml" --days 40 --threads 2 --out live.h5 \
        --change strategies.louzu.enabled=false@20 --change strategies.louzu.meeting_interval=60@30 --size $SIZE
    "$TOOL" changes live.h5 > changes.txt || fail "cannot read live.h5"
    cat changes.txt
    grep -qx "20 strategies.louzu.enabled false" changes.txt || fail "the switch-off is not recorded in live.h5"
    grep -qx "30 strategies.louzu.meeting_interval 60" changes.txt || fail "the slider change is not recorded in live.h5"
    grep -qx "days 40" changes.txt || fail "live.h5 does not hold 40 days"
    ;;
window)  # the interactive loop under synthetic X events (this case runs inside xvfb-run)
    DRIVER=${7:?the window case needs viz_x_driver}
    rm -f jiceng-viz-louzu-day*.png
    "$VIZ" louzu.h5 --lang zh > window.log 2>&1 &
    viewer=$!
    # Click play (1600x900: the button sits at the left of the timeline), let it play,
    # pause, save a shot; then step, switch language, layer, help, go to the end,
    # resize, save another shot, and quit.
    "$DRIVER" find wait 1000 click 24 854 wait 1200 key space wait 200 key F12 wait 400 \
        key Right key l key F1 wait 200 key Escape key i key End resize 1000 640 wait 1200 key F12 wait 400 key q ||
        fail "could not drive the window"
    wait $viewer || { cat window.log >&2; fail "jiceng-viz exited $? in window mode"; }
    shots=$(ls jiceng-viz-louzu-day*-1.png jiceng-viz-louzu-day*-2.png 2>/dev/null | wc -l)
    [ "$shots" -eq 2 ] || { ls >&2; fail "F12 did not save two screenshots"; }
    first=$(ls jiceng-viz-louzu-day*-1.png) second=$(ls jiceng-viz-louzu-day*-2.png)
    [ "$first" != "jiceng-viz-louzu-day0-1.png" ] || fail "clicking play did not play ($first)"
    [ "$second" = "jiceng-viz-louzu-day120-2.png" ] || fail "End did not go to the last day ($second)"
    "$TOOL" not-blank "$first" | grep -q "1600x900" || fail "$first is not a 1600x900 frame"
    "$TOOL" not-blank "$second" | grep -q "1000x640" || fail "after resizing, $second is not a 1000x640 frame"
    "$TOOL" not-blank "$second" || fail "$second is blank"
    # Live: quitting mid-run saves the run file.
    rm -f live-window.h5
    "$VIZ" --live "$SRC/scenarios/louzu.toml" --days 400 --out live-window.h5 > live-window.log 2>&1 &
    viewer=$!
    "$DRIVER" find wait 1500 key space wait 300 key space wait 300 key q || fail "could not drive the live window"
    wait $viewer || { cat live-window.log >&2; fail "jiceng-viz --live exited $?"; }
    grep -q "wrote live-window.h5" live-window.log || { cat live-window.log >&2; fail "quitting did not report the run file"; }
    "$TOOL" changes live-window.h5 | grep -q "^days [1-9]" || fail "live-window.h5 holds no simulated day"
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok: $case_name"

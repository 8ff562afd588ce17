# Relance — the two commands of the README:
#   make run    install what is missing, build, open the app on the demo dossier
#   make test   install what is missing, then gofmt check, go vet, go test (with headless UI tests)
#               staticcheck, and the real binary under Xvfb: a smoke run, then the end-to-end
#               journeys driven with xdotool (make e2e; screenshots in e2e-shots/), the run-time
#               libraries against the README (make linux-check), and the release build with its
#               checks: Linux package, Windows programs and installer, run under Wine (make dist)

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
GO ?= go
BIN := bin/relance
# -tags ci: Fyne's headless software driver, so tests need no display, GL or cgo.
TESTFLAGS ?= -tags ci

.PHONY: run test deps deps-build build vet fmt-check lint unit smoke e2e window-shots screenshots bench bench-raw fuzz clean crashtest dist linux-check

run: deps-build build
	./$(BIN)

deps:
	@scripts/deps.sh all

deps-build:
	@scripts/deps.sh build

build:
	$(GO) build -o $(BIN) .

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(TESTFLAGS) ./...

# staticcheck and errcheck, pinned (scripts/deps.sh lint installs them with go install
# when missing). errcheck: no error of the program's code is dropped; the tests, the
# fmt.Fprint* of reports (their writer's error surfaces at Close or Flush) and the
# Close of a file only read are left to review (scripts/errcheck-exclude.txt).
STATICCHECK_VERSION ?= v0.8.2
ERRCHECK_VERSION ?= v1.9.0
lint:
	@STATICCHECK_VERSION=$(STATICCHECK_VERSION) ERRCHECK_VERSION=$(ERRCHECK_VERSION) scripts/deps.sh lint
	staticcheck $(TESTFLAGS) ./...
	errcheck $(TESTFLAGS) -ignoretests -exclude scripts/errcheck-exclude.txt ./...

unit:
	$(GO) test $(TESTFLAGS) -count=1 -timeout 30m ./...

# The real GL binary under Xvfb: it must open a window on the demo dossier.
smoke: build
	scripts/smoke.sh $(BIN)

# The journeys of a person in the real window (scripts/e2e.sh): first run, open the demo, a
# customer's card, a statement saved through the save dialog, a new dossier and an import, the
# day's letters, every screen at 1024×700. E2E_SHOTS=dir to keep the screenshots elsewhere.
e2e: build
	scripts/e2e.sh $(BIN)

# The built binary's libraries are the README's run-time table, and it runs on a machine
# without libhunspell (scripts/check-linux.sh).
linux-check: build
	scripts/check-linux.sh $(BIN)

test: deps fmt-check vet lint unit linux-check smoke e2e dist

# The README's screenshots of the real window (GL driver under Xvfb at 1366×768, French and English).
window-shots: build
	scripts/window-shots.sh $(BIN)

# Regenerate the README screenshots from the UI tests (Fyne test driver).
screenshots:
	UPDATE_SCREENSHOTS=1 $(GO) test $(TESTFLAGS) -count=1 -run 'Screenshot|Welcome|Dark' ./ui/
	UPDATE_SCREENSHOTS=1 $(GO) test $(TESTFLAGS) -count=1 -run 'ReportContent' ./letters/dashpdf/
	scripts/docpdf.sh

# Every benchmark with a target (scripts/bench-targets.tsv), each in its own process: one table
# of operation, median of 3 runs, target and peak RSS, also written to docs/performance.md.
bench:
	$(GO) run ./scripts/benchtable -count 3 -out docs/performance.md scripts/bench-targets.tsv

# All benchmarks, raw go test output.
bench-raw:
	$(GO) test $(TESTFLAGS) -run '^$$' -bench . -benchtime 3x ./...

FUZZTIME ?= 2m
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

# Kill the real binary (SIGKILL) during imports, 200 times by default
# (RELANCE_CRASH_TRIALS=N, RELANCE_CRASH_SEED=S to replay): see crashtest/.
crashtest:
	RELANCE_CRASHTEST=1 CGO_ENABLED=0 $(GO) test $(TESTFLAGS) -count=1 -timeout 60m -run TestCrash -v ./crashtest

# Release artefacts in dist/: Relance.tar.xz (Linux), Relance-VERSION-setup.exe, relance.exe and
# relance-cli.exe (Windows, cross-compiled with MinGW-w64), then their checks (scripts/dist.sh);
# installs what it needs if missing. About 10 minutes when cold, most of it cgo of the OpenGL
# bindings for each target.
dist:
	scripts/dist.sh

clean:
	rm -rf bin

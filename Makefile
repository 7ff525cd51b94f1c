# Parcours TI — every entry point. `make run` and `make test` install what is
# missing first (idempotent, registries only: crates.io, npm, Debian).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Tools installed by cargo and npm come first; wasm-opt must be binaryen's
# from npm (Debian's is too old and silently breaks the wasm). `cargo
# install` writes to $(CARGO_HOME)/bin, wherever that cargo home is.
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
# Trunk must never download anything (see Trunk.toml).
export TRUNK_OFFLINE := true
export DSFR_ACCEPT_LICENSE := 1
export CARGO_TERM_COLOR := never

TRUNK_VERSION := 0.21.14
# The release wasm is built by a pinned nightly: std rebuilt for size
# (build-std, optimize_for_size) and panics that abort on the spot, without
# formatting code (the crash banner is shown by app/web/shell.js): 36 KB
# less gzip (BENCHMARKS.md). `{:?}` prints nothing there (fmt-debug=none,
# 3 KB): no text the user reads is written with Debug. Native code, the
# tests and `make run` use the stable toolchain.
WASM_NIGHTLY := nightly-2026-05-19
RELEASE_WASM_ENV := RUSTUP_TOOLCHAIN=$(WASM_NIGHTLY) \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none"
# wasm-bindgen-cli must equal the wasm-bindgen library locked in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
PUBLIC_URL ?= /
DIST ?= dist
E2E_PUBLIC_URL := /parcours/ti/
E2E_DIST := target/e2e-dist
# Browser profiles and scratch files of the browser tests, one folder a run.
E2E_TMP := $(CURDIR)/target/e2e-tmp
# The browser tests one after the other, as when they were nine binaries:
# each starts its own Chromium, on machines of two shared cores.
E2E_THREADS ?= 1
# Only the browser tests whose name contains this (e.g. `pathway::`).
E2E_FILTER ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run test e2e dist size bench lint tools tool-target tool-nightly tool-trunk tool-wasm-bindgen tool-node tool-npm tool-fonttools tool-chromium tool-frictionless fetch fetch-std clean fuzz

help:
	@echo "make run    build and serve the app at http://127.0.0.1:8080"
	@echo "make test   every test: format, lint, native, scenarios, end-to-end in Chromium"
	@echo "make e2e    the browser tests alone, on the build of make e2e-dist"
	@echo "make dist PUBLIC_URL=/a/b/   release build in dist/ for that sub-path"
	@echo "make size   raw / gzip / brotli size of each file of dist/ and the first load"
	@echo "make bench  engine benchmarks (criterion), then speed in headless Chromium (CPU ×4)"
	@echo "make lighthouse   Lighthouse mobile on Accueil and a pathway, reports in target/lighthouse/"

## ---- tools (installed only when missing or at the wrong version) ----

tools: tool-target tool-nightly tool-trunk tool-wasm-bindgen tool-npm tool-fonttools tool-chromium tool-frictionless

tool-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

# No wasm32 std for this nightly: build-std compiles it from rust-src.
tool-nightly:
	@if ! rustup component list --installed --toolchain $(WASM_NIGHTLY) 2>/dev/null | grep -q '^rust-src'; then \
	  echo "Installing $(WASM_NIGHTLY) with rust-src (release wasm only)…"; \
	  rustup toolchain install $(WASM_NIGHTLY) --profile minimal --component rust-src; \
	fi

tool-trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "Installing trunk $(TRUNK_VERSION) (about 11 minutes on 2 cores)…"; \
	  cargo install trunk --locked --version $(TRUNK_VERSION); \
	fi

tool-wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "wasm-bindgen missing from Cargo.lock"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 4 minutes)…"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; \
	fi

tool-node:
	@command -v npm >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y nodejs npm; }

# npm ci only when package-lock.json changed since the last install.
tool-npm: tool-node node_modules/.installed

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# The build subsets the Marianne fonts (tools/postbuild.py) with Debian's
# fontTools, under the system python (pyenv's may come first on PATH).
tool-fonttools:
	@if ! /usr/bin/python3 -c 'import fontTools, brotli' 2>/dev/null; then \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y python3 python3-fonttools python3-brotli; \
	fi

tool-chromium:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium chromium-driver poppler-utils; \
	fi

# Frictionless (PyPI), the standard validator of table schemas, which
# data.gouv.fr also uses: `make test` checks the open-data export with it.
# Its own venv, every package pinned; installed again only when a pin changes.
FRICTIONLESS_VENV := .tools/frictionless
FRICTIONLESS := $(CURDIR)/$(FRICTIONLESS_VENV)/bin/frictionless

tool-frictionless: $(FRICTIONLESS_VENV)/.installed

$(FRICTIONLESS_VENV)/.installed: tools/frictionless-requirements.txt
	@/usr/bin/python3 -c 'import ensurepip' 2>/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv; }
	rm -rf $(FRICTIONLESS_VENV)
	/usr/bin/python3 -m venv $(FRICTIONLESS_VENV)
	PIP_FIND_LINKS= $(FRICTIONLESS_VENV)/bin/pip install --quiet --no-input --disable-pip-version-check \
	  --index-url https://pypi.org/simple -r $<
	@touch $@

## ---- crates (fetched before any offline step) ----

# Trunk runs cargo with --offline: every crate of Cargo.lock must already be
# in the cargo home. `cargo fetch` without --target fetches them for every
# target (host and wasm32). Offline first, so that nothing is asked of the
# registry when everything is there.
fetch:
	@cargo fetch --locked --offline >/dev/null 2>&1 || cargo fetch --locked

# The release wasm rebuilds the standard library (build-std), whose own
# crates (its Cargo.lock in rust-src) a new cargo home has never seen.
NIGHTLY_FETCH := RUSTUP_TOOLCHAIN=$(WASM_NIGHTLY) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  cargo fetch --locked --target wasm32-unknown-unknown
fetch-std: tool-nightly
	@$(NIGHTLY_FETCH) --offline >/dev/null 2>&1 || $(NIGHTLY_FETCH)

## ---- build and serve ----

run: tool-target tool-trunk tool-wasm-bindgen tool-npm tool-fonttools fetch
	trunk serve --offline --public-url /

dist: tool-target tool-nightly tool-trunk tool-wasm-bindgen tool-npm tool-fonttools fetch fetch-std
	$(RELEASE_WASM_ENV) trunk build --offline --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"

## ---- tests ----

# The Atelier's bundle (feature atelier) has code of its own: linted too.
lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p parcours-web --features atelier,plan --all-targets --locked -- -D warnings

# Native tests first (fast failures: the build step's, tools/test_*.py,
# then every crate's, the second bundle's (features atelier and plan),
# then Frictionless on the open-data export), then the
# release build served under a sub-path and driven in headless Chromium.
# The last line is the browser tests' summary.
# The build step's tests run under the system python, which has Debian's
# fontTools (tool-fonttools), as the build step itself does.
test: tools lint
	/usr/bin/python3 -m unittest discover --start-directory tools
	cargo test --workspace --locked
	cargo test --locked -p parcours-web --features atelier,plan
	FRICTIONLESS=$(FRICTIONLESS) cargo test --locked -p parcours-cli --test open_data -- --ignored frictionless
	$(MAKE) --no-print-directory dist PUBLIC_URL=$(E2E_PUBLIC_URL) DIST=$(E2E_DIST)
	@$(MAKE) --no-print-directory e2e

# Every browser test (one binary, tests/tests/browser/) on the build of
# `make e2e-dist`. Then no browser of the run may be left running, even
# when a test failed: a process that still names the run's folder fails
# the target (the pattern's [e] keeps this shell's own line from matching).
e2e:
	@test -f $(E2E_DIST)/index.html || { echo "$(E2E_DIST) missing: make e2e-dist"; exit 1; }
	status=0; \
	PARCOURS_DIST=$(CURDIR)/$(E2E_DIST) PARCOURS_PUBLIC_URL=$(E2E_PUBLIC_URL) PARCOURS_E2E_TMP=$(E2E_TMP) \
	  cargo test --locked -p parcours-e2e --test browser -- --ignored --test-threads=$(E2E_THREADS) $(E2E_FILTER) || status=$$?; \
	if pgrep -af -- '$(E2E_TMP)/parcours-e2[e]-'; then \
	  echo "browser processes of the tests still running (above)"; status=1; \
	fi; \
	exit $$status

## ---- measures ----

size:
	@test -f $(DIST)/index.html || $(MAKE) --no-print-directory dist
	cargo run --quiet --locked -p parcours-e2e --bin dist-size -- $(DIST)

# Browser figures come from the release build under the sub-path, rebuilt
# each time (Trunk redoes only what changed): figures of a stale build
# would describe another app.
BENCH_RUNS ?= 7
LIGHTHOUSE_RUNS ?= 3
LIGHTHOUSE_DIR := tools/lighthouse

.PHONY: e2e-dist lighthouse

e2e-dist:
	@$(MAKE) --no-print-directory dist PUBLIC_URL=$(E2E_PUBLIC_URL) DIST=$(E2E_DIST)

bench: tool-chromium
	cargo bench --locked -p parcours-core --bench engine
	@$(MAKE) --no-print-directory e2e-dist
	PARCOURS_PUBLIC_URL=$(E2E_PUBLIC_URL) BENCH_RUNS=$(BENCH_RUNS) \
	  cargo run --quiet --locked -p parcours-e2e --bin browser-bench -- $(E2E_DIST)

# Lighthouse has its own npm project so that `make test`'s npm ci stays
# small; --ignore-scripts: no package of it may fetch a browser.
$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json
	cd $(LIGHTHOUSE_DIR) && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

lighthouse: tool-node tool-chromium $(LIGHTHOUSE_DIR)/node_modules/.installed
	@$(MAKE) --no-print-directory e2e-dist
	LIGHTHOUSE=$(CURDIR)/$(LIGHTHOUSE_DIR)/node_modules/.bin/lighthouse CHROME_PATH=/usr/bin/chromium \
	  PARCOURS_PUBLIC_URL=$(E2E_PUBLIC_URL) LIGHTHOUSE_RUNS=$(LIGHTHOUSE_RUNS) \
	  cargo run --quiet --locked -p parcours-e2e --bin lighthouse -- $(E2E_DIST) target/lighthouse

clean:
	rm -rf dist target/e2e-dist

## ---- fuzzing (nightly + cargo-fuzz; never part of `make test`) ----

# Seconds per target; inputs found are kept in fuzz/corpus/<target>/ (ignored
# by git, except the seed-* files), crashes in fuzz/artifacts/. See FUZZING.md.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := catalogue share_link inflate

fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
	  echo "Fuzzing $$t for $(FUZZ_SECONDS) s…"; \
	  cargo +nightly fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 || exit 1; \
	done

# Two commands do all set-up on a fresh Debian 12 machine (as root):
#   make run    installs what is missing, builds, serves the demo on 127.0.0.1:8080
#   make test   installs what is missing, builds, runs the whole suite
BUILD_DIR ?= build
BUILD_TYPE ?= Release
LISTEN ?= 127.0.0.1:8080
DB ?= sqlite:./data/mporders.db
# CI builds treat warnings as errors.
WERROR := $(if $(CI),ON,OFF)
JOBS ?= $(shell nproc)
# ccache, when installed, makes rebuilds after a checkout switch cheap.
LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)

.PHONY: all deps build run test bench fuzz clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DMPORDERS_WERROR=$(WERROR) $(LAUNCHER) > /dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@mkdir -p data
	./$(BUILD_DIR)/mporders serve --demo --db $(DB) --listen $(LISTEN)

# The whole suite runs inside a throwaway PostgreSQL server (stopped and
# removed afterwards), so the store and API tests cover both engines.
test: build
	@./scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

bench: build
	@./scripts/install-deps.sh --bench
	@./bench/run.sh $(BUILD_DIR)

# libFuzzer targets with ASan/UBSan in build-fuzz/, FUZZ_SECONDS each (docs/fuzzing.md).
# Not part of `make test`.
FUZZ_SECONDS ?= 60
FUZZ_JOBS ?= 1
fuzz: deps
	@BUILD_DIR=build-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) FUZZ_JOBS=$(FUZZ_JOBS) ./scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)

# coordaction — one Makefile for the pip path (the default) and the buildout path.
#
#   make start   install everything, create or update the site, serve it on :8080
#   make test    run the whole test suite
#
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The data folder: ./var, or COORDACTION_VAR (as ops/instance/make_instance.py reads it).
VAR ?= $(or $(COORDACTION_VAR),var)
# The instance: `instance`, or COORDACTION_INSTANCE (web1, web2... of the scale-out).
INSTANCE ?= $(or $(COORDACTION_INSTANCE),instance)
ZOPE_CONF := $(VAR)/$(INSTANCE)/etc/zope.conf
ZOPE_INI := $(VAR)/$(INSTANCE)/etc/zope.ini
TESTRUNNER := $(BIN)/zope-testrunner --path=. -s tests --tests-pattern='^test_' --auto-color
export PYTHONWARNINGS ?= ignore::DeprecationWarning,ignore::UserWarning,ignore::FutureWarning
export zope_i18n_compile_mo_files := true

.PHONY: help
help: ## Show the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	$(BIN)/pip install -q "pip==25.3" "setuptools==80.10.2" "wheel==0.48.0"
	$(BIN)/pip install -q -c constraints.txt --config-settings editable_mode=compat -e ".[test,dev,relstorage]"
	touch $@

LEAFLET := src/coordaction/policy/browser/static/leaflet/map.js
# Touched once npm has installed node_modules as package-lock.json says.
NODE_MODULES := node_modules/.installed

# From the npm registry, versions in package-lock.json: Leaflet and
# Leaflet.markercluster for the project map, Bootstrap and jQuery for the reading pages,
# Roboto in Latin (@fontsource/roboto),
# axe-core for the accessibility tests (tests/accessibility, read from node_modules).
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Leaflet and Leaflet.markercluster (the map's clusters), served by the portal from
# ++resource++coordaction/leaflet/ as one script (map.js) and, with the portal's map
# styles, one stylesheet (map.css): two requests instead of six on a map page; Bootstrap (with Popper) and jQuery, the versions
# Plone's own bundle embeds, from ++resource++coordaction/vendor/ for the pages a
# visitor only reads (coordaction.policy.site.page_scripts). Rebuilt when
# package-lock.json changes.
VENDOR := src/coordaction/policy/browser/static/vendor
# Roboto (Barceloneta's type face) cut to the Latin characters French needs, from
# @fontsource/roboto: about 22 kB a face instead of 65 (identity/static/identity.css).
FONTS := src/coordaction/policy/identity/static/fonts
MAP_SCRIPTS := node_modules/leaflet/dist/leaflet.js node_modules/leaflet.markercluster/dist/leaflet.markercluster.js
MAP_STYLES := node_modules/leaflet/dist/leaflet.css $(foreach name,MarkerCluster MarkerCluster.Default,node_modules/leaflet.markercluster/dist/$(name).css)
ROBOTO_FACES := 300-normal 400-normal 400-italic 500-normal 700-normal 700-italic
$(LEAFLET): $(NODE_MODULES)
	mkdir -p $(dir $(LEAFLET)) $(VENDOR)
	cp -r node_modules/leaflet/dist/images $(dir $(LEAFLET))
	for script in $(MAP_SCRIPTS); do cat $$script; echo; done > $(LEAFLET)
	cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/jquery/dist/jquery.min.js $(VENDOR)
	mkdir -p $(FONTS)
	cp $(foreach face,$(ROBOTO_FACES),node_modules/@fontsource/roboto/files/roboto-latin-$(face).woff2) $(FONTS)
	touch $@

# The map's one stylesheet: Leaflet's, its clusters', then the portal's own
# (browser/static/project-map.css, rebuilt when that file changes).
MAP_CSS := $(dir $(LEAFLET))map.css
$(MAP_CSS): $(LEAFLET) src/coordaction/policy/browser/static/project-map.css
	cat $(MAP_STYLES) src/coordaction/policy/browser/static/project-map.css > $@

.PHONY: install
install: $(VENV)/.installed $(LEAFLET) $(MAP_CSS) ## Install Plone, the add-ons, Leaflet (and markercluster), axe-core and coordaction (pinned)

.PHONY: instance
instance: install ## Write the Zope instance configuration under var/
	$(BIN)/python ops/instance/make_instance.py --var $(VAR)

.PHONY: create-site
create-site: instance ## Create the site (or update it: data is kept)
	$(BIN)/coordaction-create-site $(ZOPE_CONF)

.PHONY: demo
demo: create-site ## Add the French demo content and accounts (local use only)
	$(BIN)/coordaction-demo $(ZOPE_CONF)

.PHONY: start
start: instance ## Install, create the site with its demo content if new (or update it) and serve it
	COORDACTION_DEMO=$${COORDACTION_DEMO-1} $(BIN)/coordaction-create-site $(ZOPE_CONF)
	@echo "Le portail démarre : http://localhost:$${COORDACTION_PORT:-8080}/$${COORDACTION_SITE_ID:-coordaction} (Ctrl+C pour l'arrêter)"
	$(BIN)/runwsgi $(ZOPE_INI)

# Mail waits in a queue under the data folder ($(VAR)/mailqueue) and is sent by the
# server in the background: no mail server is needed to use the portal.
.PHONY: mail-queue
mail-queue: install ## Show the mail queue: waiting and refused messages, last error (ARGS="--now" or "--retry")
	COORDACTION_MAIL_QUEUE=$${COORDACTION_MAIL_QUEUE:-$(VAR)/mailqueue} $(BIN)/coordaction-mail-queue $(ARGS) || true

.PHONY: mailcatcher
mailcatcher: install ## A local SMTP server on :1025 that prints what the portal sends (then: make start-with-mailcatcher)
	$(BIN)/coordaction-mailcatcher --port $${MAILCATCHER_PORT:-1025} --save $(VAR)/mailcatcher

# docs/widget-exemple.html as an association's site would show it, on another origin
# (http://localhost:8081, which the demo content allows): the widget reads the portal.
.PHONY: widget-example
widget-example: ## Serve the widget's example page on http://localhost:8081/widget-exemple.html
	@echo "Exemple : http://localhost:8081/widget-exemple.html (le portail doit tourner : make start)"
	$(PYTHON) -m http.server 8081 --bind 127.0.0.1 --directory docs

.PHONY: start-with-mailcatcher
start-with-mailcatcher: ## make start, sending mail to make mailcatcher's server (localhost:1025)
	COORDACTION_SMTP_HOST=localhost COORDACTION_SMTP_PORT=$${MAILCATCHER_PORT:-1025} $(MAKE) start

# The suite runs in TEST_JOBS processes (scripts/run_tests.py shares the layers
# out); TEST_JOBS=1 runs it in one, in the terminal (for -D, --layer or -vv).
TEST_JOBS ?= 2

# Chameleon keeps the Python it compiles the page templates into here, keyed by
# each template's text: each test process, and the next run, read it back instead
# of compiling Plone's templates again (~10 s of processor per process).
TEST_TEMPLATE_CACHE := $(CURDIR)/var/chameleon-cache

.PHONY: test
test: install ## Run the whole test suite (in TEST_JOBS=2 processes)
	mkdir -p $(TEST_TEMPLATE_CACHE)
	CHAMELEON_CACHE=$(TEST_TEMPLATE_CACHE) $(BIN)/python scripts/run_tests.py --jobs $(TEST_JOBS) -- $(TESTRUNNER) $(TEST_ARGS)

.PHONY: test-coverage
test-coverage: install ## Run the test suite under coverage and print the report
	$(BIN)/coverage run $(BIN)/zope-testrunner --path=. -s tests --tests-pattern='^test_' $(TEST_ARGS)
	$(BIN)/coverage report

# The tests in headless Chromium: the journeys of tests/acceptance/ and the faceted
# pages, the project map and the widget of tests/resourcecentre/.
BROWSER_TESTS := -t tests.acceptance -t test_faceted_browser -t test_project_map -t test_widget

.PHONY: test-browser
test-browser: install ## Run only the browser tests (headless Chromium)
	mkdir -p $(TEST_TEMPLATE_CACHE)
	CHAMELEON_CACHE=$(TEST_TEMPLATE_CACHE) $(TESTRUNNER) $(BROWSER_TESTS) $(TEST_ARGS)

.PHONY: screenshots
screenshots: install ## Retake the pictures of the docs (docs/images/) with the browser journeys
	COORDACTION_SCREENSHOTS_DIR=$(CURDIR)/docs/images $(TESTRUNNER) -t tests.acceptance

.PHONY: import-data export-data
import-data: ## Import a file: make import-data TYPE=projets FILE=projets.csv [DRY_RUN=1] (server stopped)
	$(BIN)/coordaction-import $(ZOPE_CONF) $(TYPE) $(FILE) $(if $(DRY_RUN),--dry-run)

export-data: ## Export: make export-data TYPE=projets FILE=projets.json (server stopped)
	$(BIN)/coordaction-export $(ZOPE_CONF) $(TYPE) $(FILE)

# --- Scale-out, backups (README: « Passer à plusieurs machines ») -------------
.PHONY: postgresql
postgresql: ## Start a private PostgreSQL for trials in var/postgresql (port 5433) and print its DSN
	$(PYTHON) ops/pgcluster.py start $(VAR)/postgresql --port $${COORDACTION_PG_PORT:-5433}

.PHONY: migrate-relstorage
migrate-relstorage: instance ## Copy var/'s FileStorage and blobs into RelStorage (COORDACTION_STORAGE=relstorage COORDACTION_DSN=...)
	@if [ "$${COORDACTION_STORAGE}" != relstorage ]; then \
		echo "usage : COORDACTION_STORAGE=relstorage COORDACTION_DSN='host=... dbname=...' make migrate-relstorage"; exit 2; fi
	$(BIN)/zodbconvert $(VAR)/$(INSTANCE)/etc/zodbconvert.conf

.PHONY: backup restore
backup: ## Back up the database: repozo and blobs (FileStorage) or pg_dump (RelStorage), into var/backup
	$(BIN)/python ops/backup.py backup --conf $(ZOPE_CONF) $(BACKUP_ARGS)

restore: ## Restore the latest backup, servers stopped (BACKUP_ARGS="--to-var DIR", "--to-dsn DSN", "--date D")
	$(BIN)/python ops/backup.py restore --conf $(ZOPE_CONF) $(BACKUP_ARGS)

.PHONY: scaleout
scaleout: install ## Local trial: 2 Zope instances on RelStorage (PostgreSQL) behind HAProxy on :8080
	$(BIN)/python ops/scaleout.py $(SCALEOUT_ARGS)

.PHONY: test-scaleout
test-scaleout: install ## Scale-out tests: real PostgreSQL, HAProxy, Varnish (Debian packages)
	COORDACTION_SCALEOUT_TESTS=1 $(BIN)/zope-testrunner --path=. -s ops.tests --tests-pattern='^test_' --auto-color $(TEST_ARGS)

.PHONY: bench
bench: install ## Benchmark the faceted search on 20,000 resources (var/bench; BENCH_ARGS="--repeat 20")
	$(BIN)/python ops/bench/run.py $(BENCH_ARGS)

.PHONY: bench-letter
bench-letter: install ## Benchmark the letter: 10,000 subscribers through a local SMTP server, a kill -9 midway (var/bench-letter)
	$(BIN)/python ops/bench/letter.py $(BENCH_ARGS)

.PHONY: bench-pages
bench-pages: install ## What the browser loads, page by page, against the running portal (make start first; issue 20)
	$(BIN)/python ops/bench/pages.py $(BENCH_ARGS)

.PHONY: bench-load
bench-load: install ## The server's time: 20 concurrent visitors per page and logins, Zope alone then behind Varnish (make start first; issue 20)
	$(BIN)/python ops/bench/load.py $(BENCH_ARGS)

.PHONY: bench-scaleout
bench-scaleout: install ## Benchmark REST reads: FileStorage / RelStorage, 1 / 2 instances (var/bench-scaleout)
	$(BIN)/python ops/bench/scaleout.py $(BENCH_ARGS)

.PHONY: check
check: install ## Lint: ruff, zpretty, the pins and the direction of imports
	$(BIN)/ruff check src tests scripts ops
	$(BIN)/ruff format --check src tests scripts ops
	$(BIN)/zpretty --check -z $$(find src -name '*.zcml') ops/instance/site.zcml
	$(BIN)/zpretty --check -x $$(find src -name '*.pt')
	$(BIN)/zpretty --check -x $$(find src -path '*/profiles/*' -name '*.xml')
	$(BIN)/python scripts/pins.py --check
	$(BIN)/python scripts/structure.py --check

.PHONY: structure
structure: ## Show the rooms of src/coordaction and the imports between them
	$(PYTHON) scripts/structure.py

.PHONY: format
format: install ## Format Python (ruff) and XML/ZCML (zpretty) in place
	$(BIN)/ruff check --fix src tests scripts ops
	$(BIN)/ruff format src tests scripts ops
	$(BIN)/zpretty -i -z $$(find src -name '*.zcml') ops/instance/site.zcml
	$(BIN)/zpretty -i -x $$(find src -name '*.pt')
	$(BIN)/zpretty -i -x $$(find src -path '*/profiles/*' -name '*.xml')

.PHONY: pins
pins: ## Regenerate versions.cfg (buildout) from constraints.txt
	$(PYTHON) scripts/pins.py

.PHONY: i18n
i18n: install ## Rebuild the coordaction.pot and sync the French and English .po
	$(BIN)/python scripts/i18n.py

.PHONY: english-msgids
english-msgids: install ## Turn the French msgids the table knows into English ones, then make i18n
	$(BIN)/python scripts/english_msgids.py

# --- The buildout path ------------------------------------------------------
BUILDOUT_VENV := .buildout-venv

$(BUILDOUT_VENV)/bin/buildout:
	$(PYTHON) -m venv $(BUILDOUT_VENV)
	$(BUILDOUT_VENV)/bin/pip install -q "pip==25.3" -c constraints.txt setuptools wheel zc.buildout

.PHONY: buildout
buildout: $(BUILDOUT_VENV)/bin/buildout ## Build bin/instance and bin/test with zc.buildout
	$(BUILDOUT_VENV)/bin/buildout -N

.PHONY: clean
clean: ## Remove the virtualenvs and build artefacts (keeps var/: the data)
	rm -rf $(VENV) $(BUILDOUT_VENV) bin parts develop-eggs eggs .installed.cfg src/*.egg-info

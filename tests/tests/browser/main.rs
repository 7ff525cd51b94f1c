//! Every browser test, in one binary: the release build (`PARCOURS_DIST`)
//! served under its sub-path by a plain static server (no rewrite rule,
//! the strict CSP), driven in headless Debian Chromium. One chromedriver
//! and one server serve the whole run; each test opens its own browsers,
//! which end with it, passed or failed (`tests/src/driver.rs`). The
//! actions and waits are the helpers of `tests/src/`. Run by `make test`;
//! alone, once `make e2e-dist` has built the site: `make e2e`.

mod atelier;
mod e2e;
mod offline;
mod open_data;
mod pathway;
mod plan;
mod priorities;
mod questionnaire;
mod robustness;
mod shell;
mod styles;

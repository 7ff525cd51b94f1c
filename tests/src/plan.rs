//! What a chef de projet does with « Ma feuille de route », one function
//! per action, and what the plan's page shows; the printed plan's QR code,
//! read back with a real decoder (rqrr) from the PDF rendered to an image.

use std::path::Path;

use serde_json::json;

use crate::browser::{until, Browser};

/// The plan's page.
pub const PLAN_ROUTE: &str = "#/feuille-de-route";
/// One row of the plan's table per action.
const ROW: &str = "#tableau-feuille tbody tr";
/// Where the plan, its outbox and its module list are kept.
const PLAN_KEYS: [&str; 3] = [
    "parcours-ti:feuille-de-route",
    "parcours-ti:feuille-de-route:ajouts",
    "parcours-ti:feuille-de-route:modules",
];

/// One action as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub cells: Vec<String>,
}

impl Browser {
    /// Clicks « Ajouter à ma feuille de route » on the card or page of
    /// `module`, and waits until it says the module is in the plan.
    pub async fn add_to_plan(&self, module: &str) {
        let place = format!("[data-module='{module}'] .parcours-add-plan");
        let place = if self.exists(&place).await {
            place
        } else {
            ".parcours-add-plan".to_string()
        };
        self.click(&format!("{place} button")).await;
        self.wait_text(&place, "Dans ma feuille de route").await;
    }

    /// Follows the main navigation's « Ma feuille de route » and waits for
    /// the page: from a public page, its bundle is loaded then (the page
    /// reloads, saying « Ouverture de votre feuille de route… » meanwhile);
    /// from a page of that bundle, the app only routes.
    pub async fn open_plan_from_menu(&self) {
        self.click_link("Ma feuille de route").await;
        self.heading("Ma feuille de route").await;
    }

    /// Opens the plan's page as a new document.
    pub async fn open_plan(&self) {
        self.open(PLAN_ROUTE).await;
        self.heading("Ma feuille de route").await;
    }

    /// Adds an action of one's own.
    pub async fn add_own_action(&self, title: &str, description: &str) {
        let before = self.count(ROW).await;
        self.type_in("#action-propre-titre", title).await;
        self.type_in("#action-propre-description", description)
            .await;
        self.click_button("Ajouter cette action").await;
        until("the own action is in the table", async || {
            self.count(ROW).await == before + 1
        })
        .await;
    }

    /// Sets an action's statut (`a-engager`, `en-cours`, `fait`, `ecarte`),
    /// porteur and échéance (`YYYY-MM`).
    pub async fn follow_action(&self, id: &str, status: &str, carrier: &str, due: &str) {
        self.select(&format!("#statut-{id}"), status).await;
        self.type_in(&format!("#porteur-{id}"), carrier).await;
        self.select(&format!("#echeance-{id}"), due).await;
        let row = format!("#tableau-feuille tr[data-action='{id}']");
        self.wait_text(&row, carrier).await;
    }

    /// Says why an action « Écarté » was set aside.
    pub async fn give_reason(&self, id: &str, reason: &str) {
        self.type_in(&format!("#motif-{id}"), reason).await;
        self.wait_text(&format!("#tableau-feuille tr[data-action='{id}']"), reason)
            .await;
    }

    /// Moves an action one place up.
    pub async fn move_up(&self, id: &str) {
        self.click(&format!("#monter-{id}")).await;
    }

    /// The table's rows, in page order.
    pub async fn plan_rows(&self) -> Vec<Row> {
        let mut out = Vec::new();
        for tr in self.elements(ROW).await {
            let id = tr.attr("data-action").await.unwrap().unwrap_or_default();
            let mut cells = Vec::new();
            for td in tr.find_all(fantoccini::Locator::Css("td")).await.unwrap() {
                cells.push(td.text().await.unwrap());
            }
            out.push(Row { id, cells });
        }
        out
    }

    /// Waits until the table has `n` rows.
    pub async fn wait_plan_rows(&self, n: usize) {
        until(&format!("{n} rows in the plan"), async || {
            self.count(ROW).await == n
        })
        .await;
    }

    /// Empties this browser's storage of everything the app keeps.
    pub async fn clear_storage(&self) {
        self.script("localStorage.clear();", vec![]).await;
    }

    /// Whether the app keeps a plan in this browser.
    pub async fn plan_stored(&self) -> bool {
        self.script(
            "return arguments[0].some((k) => localStorage.getItem(k));",
            vec![json!(PLAN_KEYS)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Imports an exported file on the plan's page, and waits for its
    /// status line.
    pub async fn import_plan(&self, file: &Path) {
        self.choose_file("#importer-feuille-json", file).await;
        self.wait_text("#import-feuille-statut", "Fichier importé")
            .await;
    }

    /// Chooses the last committee's export in « Depuis le dernier comité »
    /// and returns the changes listed.
    pub async fn compare_with(&self, file: &Path) -> String {
        self.choose_file("#comparer-feuille", file).await;
        self.wait_text("#changements", "Depuis la feuille de route du")
            .await
    }
}

/// The feuille de route's spreadsheet as a French spreadsheet reads it:
/// a byte-order mark first, `;` between cells, quotes, CRLF line ends.
pub fn read_spreadsheet(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    assert!(body.contains("\r\n") && !body.replace("\r\n", "").contains('\r'));
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
        .collect()
}

/// The texts of the QR codes on the first page of `pdf`, rendered at
/// 300 dpi (pdftoppm, Debian's poppler-utils).
pub fn qr_codes_in(pdf: &Path) -> Vec<String> {
    let prefix = pdf.with_extension("");
    let out = std::process::Command::new("pdftoppm")
        .args([
            "-r",
            "300",
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (Debian poppler-utils; `make test` installs it)");
    assert!(out.status.success(), "pdftoppm failed");
    let png = prefix.with_extension("png");
    let img = image::open(&png)
        .unwrap_or_else(|e| panic!("{}: {e}", png.display()))
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

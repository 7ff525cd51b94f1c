//! How catalogue data reads on screen: operators, states, safe links,
//! conditions in French, catalogue search. Pure functions, tested natively.

use parcours_core::date::french;
use parcours_core::export::dates_text;
use parcours_core::{Availability, Catalogue, Condition, Module, Nature, Pathway, State, Status};

/// « Intercommunalité, avec Cerema » (operator, then partners).
pub fn operators(cat: &Catalogue, module: &Module) -> String {
    let name = |id: &str| {
        cat.provider(id)
            .map_or_else(|| id.to_string(), |p| p.short_name.clone())
    };
    let mut text = name(&module.provider);
    if !module.partners.is_empty() {
        let partners: Vec<String> = module.partners.iter().map(|p| name(p)).collect();
        text.push_str(", avec ");
        text.push_str(&partners.join(", "));
    }
    text
}

/// A link target we are willing to render: `https:` or `mailto:` only
/// (never `javascript:` or a relative URL from content).
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") && url.len() > "https://".len())
        || (lower.starts_with("mailto:") && url.len() > "mailto:".len());
    (ok && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then(|| url.to_string())
}

/// Where to go for a module: its official page if given, else the page
/// its state was read on, else its operator's site; with the link's text.
pub fn access_link(cat: &Catalogue, module: &Module) -> Option<(String, String)> {
    if let Some(url) = safe_url(module.url.as_deref()) {
        return Some((url, "Page officielle".into()));
    }
    let checked_at = module.status.as_ref().map(|s| s.checked_at.as_str());
    if let Some(url) = safe_url(checked_at) {
        return Some((url, "Page officielle consultée".into()));
    }
    let provider = cat.provider(&module.provider)?;
    let url = safe_url(provider.url.as_deref())?;
    Some((url, format!("Site de {}", provider.name)))
}

/// The DSFR badge of what users are told about a module. Each class is
/// written out whole: the stylesheet trimmer keeps only the classes it
/// finds in the sources.
pub fn badge_class(a: Availability) -> &'static str {
    match a {
        Availability::Permanent | Availability::Ouvert => "fr-badge fr-badge--sm fr-badge--success",
        Availability::AConfirmer => "fr-badge fr-badge--sm fr-badge--warning",
        Availability::Clos => "fr-badge fr-badge--sm fr-badge--error",
        Availability::Action => "fr-badge fr-badge--sm fr-badge--info",
        Availability::Proposition => "fr-badge fr-badge--sm",
    }
}

/// What follows the badge: « du 15 janvier 2026 au 30 juin 2027 · vérifié
/// le 20 novembre 2026 ».
pub fn status_detail(
    nature: Nature,
    status: Option<&Status>,
    state: Option<State>,
) -> Option<String> {
    let checked = status.map(|s| format!("vérifié le {}", french(&s.checked)));
    match (dates_text(nature, status, state), checked) {
        (Some(d), Some(c)) => Some(format!("{d} · {c}")),
        (d, c) => d.or(c),
    }
}

/// Labels of the themes the pathway's modules cover, in catalogue order.
pub fn themes_covered(cat: &Catalogue, pathway: &Pathway) -> Vec<String> {
    cat.themes
        .iter()
        .filter(|t| {
            pathway
                .modules()
                .any(|r| cat.module(&r.id).is_some_and(|m| m.themes.contains(&t.id)))
        })
        .map(|t| t.label.clone())
        .collect()
}

/// A condition in plain French, e.g. « “Question ?” : Oui ».
pub fn describe(cat: &Catalogue, condition: &Condition) -> String {
    let label = |q: &str| {
        cat.question(q)
            .map_or_else(|| format!("« {q} »"), |q| format!("« {} »", q.label))
    };
    let option = |q: &str, o: &str| {
        cat.question(q)
            .and_then(|q| q.option_label(o))
            .unwrap_or(o)
            .to_string()
    };
    let unit = |q: &str, n: i64| match cat.question(q).and_then(|q| q.unit.as_deref()) {
        Some(u) => format!("{n} {u}"),
        None => n.to_string(),
    };
    let join = |list: &[Condition], word: &str| {
        let parts: Vec<String> = list
            .iter()
            .map(|c| match c {
                Condition::All(_) | Condition::Any(_) => format!("({})", describe(cat, c)),
                _ => describe(cat, c),
            })
            .collect();
        parts.join(word)
    };
    match condition {
        Condition::All(list) => join(list, " et "),
        Condition::Any(list) => join(list, " ou "),
        Condition::Not(sub) => format!("non ({})", describe(cat, sub)),
        Condition::Answered(q) => format!("{} : réponse donnée", label(q)),
        Condition::Unknown(q) => format!("{} : sans réponse ou « Je ne sais pas »", label(q)),
        Condition::Equals(t) => format!(
            "{} : {}",
            label(&t.question),
            option(&t.question, &t.option)
        ),
        Condition::In(t) => {
            let options: Vec<String> = t.options.iter().map(|o| option(&t.question, o)).collect();
            format!("{} : {}", label(&t.question), options.join(" ou "))
        }
        Condition::AtLeast(t) => format!(
            "{} : au moins {}",
            label(&t.question),
            unit(&t.question, t.value)
        ),
        Condition::AtMost(t) => format!(
            "{} : au plus {}",
            label(&t.question),
            unit(&t.question, t.value)
        ),
    }
}

/// The text with its first letter in upper case. The catalogue's labels
/// and the core's messages start with a lower-case Latin letter, if any:
/// `char::to_uppercase` would bring Unicode's case table into the wasm.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c @ ('a'..='z' | 'à'..='ö' | 'ø'..='þ')) => {
            let upper = char::from_u32(c as u32 - 32).unwrap_or(c);
            std::iter::once(upper).chain(chars).collect()
        }
        Some('œ') => std::iter::once('Œ').chain(chars).collect(),
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// Lower-case, accents folded: « Équipe » matches « equipe ».
/// French needs only Latin-1 and « Œ », « Ÿ »: written out here because
/// `char::to_lowercase` brings Unicode's whole case table into the wasm.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
            'Œ' => 'œ',
            'Ÿ' => 'ÿ',
            _ => c,
        })
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            '’' | '‘' => '\'',
            other => other,
        })
        .collect()
}

/// A character of a word, for the search: digits and Latin letters (the
/// catalogue is in French); the rest separates words. `char::is_alphanumeric`
/// would bring Unicode's tables into the wasm for no French difference.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'À'..='ɏ') && c != '×' && c != '÷'
}

/// Catalogue filters (ids; `None` = all).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub text: String,
    pub provider: Option<String>,
    pub theme: Option<String>,
    pub step: Option<String>,
    pub kind: Option<String>,
    /// An [`Availability`] id, judged on the day shown.
    pub state: Option<String>,
}

/// Does `module` pass the filters on `today`? Every word of the text must
/// appear in its title, texts, operators, themes or id (accents and case
/// ignored).
pub fn matches(cat: &Catalogue, module: &Module, filters: &Filters, today: &str) -> bool {
    if filters
        .state
        .as_ref()
        .is_some_and(|s| s != module.availability_on(today).id())
    {
        return false;
    }
    if filters
        .provider
        .as_ref()
        .is_some_and(|p| *p != module.provider && !module.partners.contains(p))
    {
        return false;
    }
    if filters
        .theme
        .as_ref()
        .is_some_and(|t| !module.themes.contains(t))
    {
        return false;
    }
    if filters.step.as_ref().is_some_and(|s| *s != module.step) {
        return false;
    }
    if filters.kind.as_ref().is_some_and(|k| *k != module.kind) {
        return false;
    }
    let words: Vec<String> = fold(&filters.text)
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return true;
    }
    let themes: Vec<&str> = module
        .themes
        .iter()
        .filter_map(|t| cat.theme(t).map(|t| t.label.as_str()))
        .collect();
    let haystack = fold(&format!(
        "{} {} {} {} {} {} {} {}",
        module.id,
        module.title,
        module.summary,
        module.benefits,
        module.audience,
        module.access,
        operators(cat, module),
        themes.join(" ")
    ));
    words.iter().all(|w| haystack.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalise_agrees_with_unicode_on_french_initials() {
        for text in [
            "école",
            "œuvre",
            "à vérifier",
            "friche",
            "ça",
            "1 module",
            "« cité »",
            "",
        ] {
            let mut chars = text.chars();
            let unicode: String = match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
            assert_eq!(capitalise(text), unicode, "{text}");
        }
    }

    fn catalogue() -> Catalogue {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        parcours_core::load(&text).unwrap()
    }

    #[test]
    fn folding_matches_unicode_lower_case_on_french_text() {
        let text = "ÉQUIPE Œuvre À Ç ÿ Ÿ École d'ÎLE — L’Usine 2026 ÀÖØÞ";
        let unicode: String = text.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(fold(text), fold(&unicode));
        assert_eq!(fold("Équipe ŒUVRE"), "equipe œuvre");
        // Words split like `char::is_alphanumeric` on French text.
        let words = |t: &str| -> Vec<String> {
            t.split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let unicode_words = |t: &str| -> Vec<String> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let sample = "friche, ZAE — œuvre « compétences » 3×4 l’État (2026) ÿ÷";
        assert_eq!(words(sample), unicode_words(sample));
    }

    #[test]
    fn only_https_and_mailto_links_are_rendered() {
        assert_eq!(
            safe_url(Some("https://www.cerema.fr/")),
            Some("https://www.cerema.fr/".into())
        );
        assert_eq!(
            safe_url(Some("mailto:a@b.fr")),
            Some("mailto:a@b.fr".into())
        );
        for bad in [
            "javascript:alert(1)",
            "http://x.fr",
            "//x.fr",
            "https://",
            "https://a b",
            "data:text/html,x",
            "",
        ] {
            assert_eq!(safe_url(Some(bad)), None, "{bad}");
        }
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn operators_name_partners() {
        let cat = catalogue();
        let zae = cat.module("inventaire-zae").unwrap();
        assert_eq!(operators(&cat, zae), "Intercommunalité, avec Cerema, BdT");
    }

    #[test]
    fn every_rule_reads_in_french_without_ids() {
        let cat = catalogue();
        for rule in &cat.rules {
            let text = describe(&cat, &rule.when);
            assert!(text.contains('«'), "{}: {text}", rule.id);
            for q in parcours_core::condition::questions(&rule.when) {
                assert!(!text.contains(&format!("« {q} »")), "{}: {text}", rule.id);
            }
        }
    }

    const TODAY: &str = "2026-12-02";

    #[test]
    fn search_ignores_accents_and_case_and_filters_combine() {
        let cat = catalogue();
        let all = |f: &Filters| {
            cat.modules
                .iter()
                .filter(|m| matches(&cat, m, f, TODAY))
                .count()
        };
        assert_eq!(all(&Filters::default()), cat.modules.len());
        let zae = Filters {
            text: "ZONES d’activites".into(),
            ..Default::default()
        };
        let n = all(&zae);
        assert!(n >= 1 && n < cat.modules.len(), "{n}");
        let foncier = Filters {
            theme: Some("foncier".into()),
            ..Default::default()
        };
        let narrower = Filters {
            step: Some("diagnostiquer".into()),
            ..foncier.clone()
        };
        assert!(all(&narrower) < all(&foncier));
        assert!(all(&foncier) < cat.modules.len());
        let nothing = Filters {
            text: "zzzzqqq".into(),
            ..Default::default()
        };
        assert_eq!(all(&nothing), 0);
        let cerema = Filters {
            provider: Some("cerema".into()),
            ..Default::default()
        };
        assert!(cat
            .modules
            .iter()
            .filter(|m| matches(&cat, m, &cerema, TODAY))
            .any(|m| m.id == "inventaire-zae"));
    }

    #[test]
    fn the_state_filter_splits_the_catalogue_by_what_users_are_told() {
        let cat = catalogue();
        let count = |state: Availability, day: &str| {
            let f = Filters {
                state: Some(state.id().into()),
                ..Default::default()
            };
            cat.modules
                .iter()
                .filter(|m| matches(&cat, m, &f, day))
                .count()
        };
        let total: usize = Availability::ALL.iter().map(|a| count(*a, TODAY)).sum();
        assert_eq!(total, cat.modules.len(), "each module in exactly one state");
        for a in [
            Availability::Proposition,
            Availability::Action,
            Availability::Clos,
        ] {
            assert!(count(a, TODAY) > 0, "{}", a.label());
        }
        // An open call counts as closed once its closing day has passed.
        let mut cat = cat;
        let m = cat
            .modules
            .iter_mut()
            .find(|m| m.nature == Nature::Offre)
            .unwrap();
        m.status = Some(Status {
            state: State::Ouvert,
            checked: "2026-11-20".into(),
            checked_at: "https://www.cerema.fr/".into(),
            opens: None,
            closes: Some("2026-12-31".into()),
        });
        let m = m.clone();
        let ouvert = Filters {
            state: Some("ouvert".into()),
            ..Default::default()
        };
        assert!(matches(&cat, &m, &ouvert, TODAY));
        assert!(!matches(&cat, &m, &ouvert, "2027-01-01"));
        let clos = Filters {
            state: Some("clos".into()),
            ..Default::default()
        };
        assert!(matches(&cat, &m, &clos, "2027-01-01"));
    }

    #[test]
    fn badges_and_status_details() {
        let mut classes: Vec<&str> = Availability::ALL.iter().map(|a| badge_class(*a)).collect();
        // (No class prefix written here: the stylesheet trimmer would keep
        // every badge colour for it.)
        assert!(classes
            .iter()
            .all(|c| c.starts_with("fr-badge fr-badge--sm")));
        assert_eq!(
            badge_class(Availability::Clos),
            "fr-badge fr-badge--sm fr-badge--error"
        );
        classes.dedup();
        // Permanent and open share green; the others differ.
        assert_eq!(classes.len(), 5);
        let call = Status {
            state: State::Ouvert,
            checked: "2026-11-20".into(),
            checked_at: "https://www.cerema.fr/".into(),
            opens: Some("2026-01-15".into()),
            closes: Some("2027-06-30".into()),
        };
        assert_eq!(
            status_detail(Nature::Offre, Some(&call), Some(State::Ouvert)).as_deref(),
            Some("du 15 janvier 2026 au 30 juin 2027 · vérifié le 20 novembre 2026")
        );
        assert_eq!(
            status_detail(Nature::Offre, Some(&call), Some(State::Clos)).as_deref(),
            Some("clôture le 30 juin 2027 · vérifié le 20 novembre 2026")
        );
        let permanent = Status {
            state: State::Permanent,
            opens: None,
            closes: None,
            ..call
        };
        assert_eq!(
            status_detail(Nature::Offre, Some(&permanent), Some(State::Permanent)).as_deref(),
            Some("vérifié le 20 novembre 2026")
        );
        assert_eq!(status_detail(Nature::Proposition, None, None), None);
    }

    #[test]
    fn the_way_in_links_the_official_page_first() {
        let cat = catalogue();
        let with_url = cat.modules.iter().find(|m| m.url.is_some()).unwrap();
        assert_eq!(
            access_link(&cat, with_url),
            Some((with_url.url.clone().unwrap(), "Page officielle".into()))
        );
        let mut m = cat
            .modules
            .iter()
            .find(|m| m.status.is_some())
            .unwrap()
            .clone();
        m.url = None;
        let checked_at = m.status.as_ref().unwrap().checked_at.clone();
        assert_eq!(
            access_link(&cat, &m),
            Some((checked_at, "Page officielle consultée".into()))
        );
        m.status = None;
        m.provider = "bdt".into();
        assert_eq!(
            access_link(&cat, &m).map(|(_, label)| label),
            Some("Site de Banque des Territoires".into())
        );
        m.url = Some("javascript:alert(1)".into());
        assert_ne!(access_link(&cat, &m).unwrap().0, "javascript:alert(1)");
    }

    #[test]
    fn themes_covered_follow_catalogue_order() {
        let cat = catalogue();
        // A situation whose pathway meets several themes.
        let answers: parcours_core::Answers = serde_json::from_str(include_str!(
            "../../../tests/scenarios/historic_site_for_productive_third_place.json"
        ))
        .unwrap();
        let p = parcours_core::pathway(&cat, &answers, TODAY);
        let themes = themes_covered(&cat, &p);
        assert!(themes.len() >= 2, "{themes:?}");
        // Each theme once, exactly those of the pathway's modules.
        let covered = |label: &String| {
            let id = &cat.themes.iter().find(|t| &t.label == label).unwrap().id;
            p.modules()
                .any(|r| cat.module(&r.id).unwrap().themes.contains(id))
        };
        assert!(themes.iter().all(covered), "{themes:?}");
        // The same pathway read with the catalogue's themes in reverse order
        // lists them in reverse: the order is the catalogue's, not the
        // pathway's.
        let mut reversed = cat.clone();
        reversed.themes.reverse();
        let mut back = themes_covered(&reversed, &p);
        back.reverse();
        assert_eq!(back, themes);
        let order: Vec<usize> = themes
            .iter()
            .map(|l| cat.themes.iter().position(|t| &t.label == l).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{themes:?}");
    }
}

//! `catalogue`: the editors' and scripts' command for content/catalogue.json.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use parcours_core::{
    date, export, load_on, migrate, read_catalogue, recommend, unreachable_modules, validate_on,
    Answers, Catalogue, Diagnostic, Nature, State,
};

const DEFAULT_PATH: &str = "content/catalogue.json";

const HELP: &str = "\
catalogue — vérifier et exploiter le catalogue Parcours TI

Utilisation :
  catalogue check [CHEMIN] [--today AAAA-MM-JJ]
      Vérifie le catalogue. Affiche « catalogue valide … » ou une erreur
      par ligne, au format CHEMIN:LIGNE:COLONNE: /pointeur : message.
  catalogue stats [CHEMIN] [--json] [--today AAAA-MM-JJ]
      Chiffres du catalogue : opérateurs, modules (par nature, par état,
      avec et sans lien officiel), questions, règles, thèmes, étapes,
      modules sans source vérifiable, modules qu'aucune règle n'atteint
      (hors « browse_only »).
  catalogue schema
      Affiche le schéma JSON du format du catalogue.
  catalogue pathway [CHEMIN] --answers FICHIER [--format markdown|json|csv]
                    [--today AAAA-MM-JJ]
      Calcule le parcours recommandé pour les réponses du FICHIER (objet
      JSON : identifiant de question → réponse ; null = « Je ne sais pas »).
      En JSON : « priorities » (vos priorités, dans l'ordre),
      « nothing_urgent » (rien d'urgent) et « unknowns » (les questions
      « Je ne sais pas » qui ont changé le parcours) ; en Markdown, le
      parcours s'ouvre sur le même résumé qu'à l'écran.
  catalogue export --format dispositif-aide [SORTIE] [--catalogue CHEMIN]
                   [--today AAAA-MM-JJ]
      Écrit les offres du catalogue (ni les actions ni les propositions) en
      CSV au schéma national etalab/schema-dispositif-aide 0.2.0, dans le
      fichier SORTIE (par défaut, la sortie standard). Refuse, en disant
      quel module corriger, ce que le schéma n'admet pas (une promesse de
      plus de 180 caractères…), sans jamais rien tronquer.

CHEMIN vaut par défaut content/catalogue.json (depuis le dossier courant).
--today remplace la date du jour (par défaut, celle de l'ordinateur) : un
appel dont la date de clôture est passée ne figure plus dans les étapes.

Codes de sortie : 0 succès, 1 catalogue invalide, 2 erreur d'utilisation
ou fichier illisible.
";

/// A failure and its exit code.
enum Fail {
    /// 1: the catalogue has problems (already printed).
    Invalid,
    /// 2: usage error or unreadable file.
    Usage(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail::Invalid) => ExitCode::from(1),
        Err(Fail::Usage(msg)) => {
            eprintln!("catalogue : {msg}");
            eprintln!("Aide : catalogue --help");
            ExitCode::from(2)
        }
    }
}

struct Args {
    positional: Vec<String>,
    json: bool,
    answers: Option<String>,
    format: Option<String>,
    today: Option<String>,
    catalogue: Option<String>,
}

/// Reads the options of a subcommand with lexopt; `allowed` are the long
/// options it takes (`--today`, `--json`…). `--name value` and
/// `--name=value` both work; anything else that looks like an option is
/// refused, `-` alone is a positional argument (the standard output).
fn parse(args: &[String], allowed: &[&str]) -> Result<Args, Fail> {
    use lexopt::{Arg, ValueExt};
    let mut out = Args {
        positional: Vec::new(),
        json: false,
        answers: None,
        format: None,
        today: None,
        catalogue: None,
    };
    let mut parser = lexopt::Parser::from_args(args);
    while let Some(arg) = parser.next().map_err(usage)? {
        let name = match arg {
            Arg::Value(v) => {
                out.positional.push(v.string().map_err(usage)?);
                continue;
            }
            Arg::Short(c) => format!("-{c}"),
            Arg::Long(l) => format!("--{l}"),
        };
        if !allowed.contains(&name.as_str()) {
            return Err(Fail::Usage(format!("option inconnue « {name} »")));
        }
        let mut value = || parser.value().map_err(usage)?.string().map_err(usage);
        match name.as_str() {
            "--json" => out.json = true,
            "--answers" => out.answers = Some(value()?),
            "--format" => out.format = Some(value()?),
            "--catalogue" => out.catalogue = Some(value()?),
            "--today" => {
                let d = value()?;
                if !date::is_date(&d) {
                    return Err(Fail::Usage(format!(
                        "--today attend une date AAAA-MM-JJ, pas « {d} »"
                    )));
                }
                out.today = Some(d);
            }
            _ => unreachable!("every allowed option is read above"),
        }
    }
    Ok(out)
}

/// lexopt's errors, in French.
fn usage(e: lexopt::Error) -> Fail {
    Fail::Usage(match e {
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("l'option {option} attend une valeur"),
        lexopt::Error::UnexpectedValue { option, .. } => {
            format!("l'option {option} ne prend pas de valeur")
        }
        lexopt::Error::NonUnicodeValue(value) => format!(
            "argument illisible « {} » : il n'est pas écrit en UTF-8",
            value.to_string_lossy()
        ),
        _ => "arguments illisibles".to_string(),
    })
}

fn run(args: &[String]) -> Result<(), Fail> {
    let Some(cmd) = args.first() else {
        print!("{HELP}");
        return Err(Fail::Usage("commande manquante".into()));
    };
    let rest = &args[1..];
    if matches!(cmd.as_str(), "-h" | "--help" | "help" | "aide")
        || rest.iter().any(|a| a == "-h" || a == "--help")
    {
        print!("{HELP}");
        return Ok(());
    }
    match cmd.as_str() {
        "check" => check(&parse(rest, &["--today"])?),
        "stats" => stats(&parse(rest, &["--json", "--today"])?),
        "schema" => {
            let a = parse(rest, &[])?;
            if !a.positional.is_empty() {
                return Err(Fail::Usage("« schema » ne prend pas d'argument".into()));
            }
            print!("{}", parcours_core::json_schema());
            Ok(())
        }
        "pathway" => pathway(&parse(rest, &["--answers", "--format", "--today"])?),
        "export" => export_offers(&parse(rest, &["--format", "--catalogue", "--today"])?),
        other => Err(Fail::Usage(format!(
            "commande inconnue « {other} » (commandes : check, stats, schema, pathway, export)"
        ))),
    }
}

/// `--today`, or this computer's date (UTC).
fn today(a: &Args) -> String {
    a.today.clone().unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        date::from_unix_days((secs / 86_400) as i64)
    })
}

fn catalogue_path(a: &Args) -> Result<PathBuf, Fail> {
    match a.positional.as_slice() {
        [] => Ok(PathBuf::from(DEFAULT_PATH)),
        [p] => Ok(PathBuf::from(p)),
        [_, extra, ..] => Err(Fail::Usage(format!("argument en trop « {extra} »"))),
    }
}

fn read(path: &Path) -> Result<String, Fail> {
    std::fs::read_to_string(path).map_err(|e| {
        Fail::Usage(format!(
            "impossible de lire {} : {}",
            path.display(),
            io_fr(&e)
        ))
    })
}

fn io_fr(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".into(),
        std::io::ErrorKind::PermissionDenied => "accès refusé".into(),
        std::io::ErrorKind::InvalidData => "le fichier n'est pas du texte UTF-8".into(),
        _ => e.to_string(),
    }
}

fn print_diagnostics(path: &Path, diags: &[Diagnostic]) {
    for d in diags {
        match (d.line, d.column) {
            (Some(l), Some(c)) => println!("{}:{l}:{c}: {d}", path.display()),
            _ => println!("{}: {d}", path.display()),
        }
    }
    let n = diags.len();
    eprintln!(
        "catalogue invalide : {n} erreur{}",
        if n > 1 { "s" } else { "" }
    );
}

/// Loads and validates (with the checks of the day); prints the problems
/// and fails with code 1.
fn load_valid(path: &Path, today: &str) -> Result<Catalogue, Fail> {
    let text = read(path)?;
    load_on(&text, today).map_err(|d| {
        print_diagnostics(path, &d);
        Fail::Invalid
    })
}

fn check(a: &Args) -> Result<(), Fail> {
    let path = catalogue_path(a)?;
    let cat = load_valid(&path, &today(a))?;
    let unreachable = unreachable_modules(&cat).len();
    println!(
        "catalogue valide : version {} du {}, {} modules, {} opérateurs, {} questions, {} règles{}",
        cat.version,
        cat.published,
        cat.modules.len(),
        cat.providers.len(),
        cat.questions().count(),
        cat.rules.len(),
        if unreachable > 0 {
            format!(
                " ({unreachable} module(s) qu'aucune règle n'atteint : voir « catalogue stats »)"
            )
        } else {
            String::new()
        }
    );
    Ok(())
}

fn stats(a: &Args) -> Result<(), Fail> {
    let path = catalogue_path(a)?;
    let text = read(&path)?;
    // Statistics stay useful on a catalogue being edited: only a file that
    // cannot be read as a catalogue at all is refused.
    let (cat, problems) = match load_on(&text, &today(a)) {
        Ok(cat) => (cat, 0),
        Err(d) => match read_catalogue(&text) {
            Ok(cat) => {
                let n = validate_on(&cat, &today(a)).len();
                (cat, n)
            }
            Err(_) => {
                print_diagnostics(&path, &d);
                return Err(Fail::Invalid);
            }
        },
    };
    let known_sources: Vec<&str> = cat.sources.iter().map(|s| s.id.as_str()).collect();
    let without_source = cat
        .modules
        .iter()
        .filter(|m| {
            !known_sources.contains(&m.source.document.as_str())
                || m.source.section.trim().is_empty()
        })
        .count();
    let unreachable = unreachable_modules(&cat);
    let by_nature: Vec<(&str, usize)> = Nature::ALL
        .iter()
        .map(|n| {
            (
                n.id(),
                cat.modules.iter().filter(|m| m.nature == *n).count(),
            )
        })
        .collect();
    let by_state: Vec<(&str, usize)> = State::ALL
        .iter()
        .map(|s| {
            let n = cat
                .modules
                .iter()
                .filter(|m| m.status.as_ref().is_some_and(|st| st.state == *s))
                .count();
            (s.id(), n)
        })
        .collect();
    let with_url = cat.modules.iter().filter(|m| m.url.is_some()).count();
    let counts = |list: &[(&str, usize)]| -> serde_json::Map<String, serde_json::Value> {
        list.iter()
            .map(|(k, n)| (k.to_string(), (*n).into()))
            .collect()
    };
    if a.json {
        let v = serde_json::json!({
            "schema": cat.schema,
            "version": cat.version,
            "providers": cat.providers.iter().map(|p| p.short_name.as_str()).collect::<Vec<_>>(),
            "modules": cat.modules.len(),
            "modules_by_nature": counts(&by_nature),
            "offers_by_state": counts(&by_state),
            "modules_with_url": with_url,
            "modules_without_url": cat.modules.len() - with_url,
            "questions": cat.questions().count(),
            "rules": cat.rules.len(),
            "themes": cat.themes.len(),
            "steps": cat.steps.len(),
            "modules_without_source": without_source,
            "unreachable_modules": unreachable.len(),
            "diagnostics": problems,
        });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        println!(
            "Catalogue {} (format {}, publié le {})",
            cat.version, cat.schema, cat.published
        );
        let names: Vec<&str> = cat
            .providers
            .iter()
            .map(|p| p.short_name.as_str())
            .collect();
        println!(
            "  opérateurs : {} ({})",
            cat.providers.len(),
            names.join(", ")
        );
        println!("  modules : {}", cat.modules.len());
        let list = |l: &[(&str, usize)]| {
            l.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("    par nature : {}", list(&by_nature));
        println!("    offres par état : {}", list(&by_state));
        println!(
            "    avec lien officiel : {with_url}, sans : {}",
            cat.modules.len() - with_url
        );
        println!(
            "  questions : {} en {} étapes de questionnaire",
            cat.questions().count(),
            cat.questionnaire.groups.len()
        );
        println!("  règles : {}", cat.rules.len());
        println!("  thèmes : {}", cat.themes.len());
        println!("  étapes du parcours : {}", cat.steps.len());
        println!("  modules sans source vérifiable : {without_source}");
        println!(
            "  modules qu'aucune règle n'atteint : {}",
            unreachable.len()
        );
        for id in &unreachable {
            println!("    - {id}");
        }
        if problems > 0 {
            println!("  erreurs de validation : {problems} (voir « catalogue check »)");
        }
    }
    Ok(())
}

fn pathway(a: &Args) -> Result<(), Fail> {
    let path = catalogue_path(a)?;
    let Some(answers_path) = &a.answers else {
        return Err(Fail::Usage(
            "l'option --answers FICHIER est obligatoire".into(),
        ));
    };
    let format = a.format.as_deref().unwrap_or("markdown");
    if !matches!(format, "markdown" | "json" | "csv") {
        return Err(Fail::Usage(format!(
            "format « {format} » inconnu (formats : markdown, json, csv)"
        )));
    }
    let today = today(a);
    let cat = load_valid(&path, &today)?;
    let answers_path = PathBuf::from(answers_path);
    let text = read(&answers_path)?;
    let answers: Answers = serde_json::from_str(&text).map_err(|e| {
        Fail::Usage(format!(
            "{} : réponses illisibles (ligne {}, colonne {}) : un objet JSON est attendu, chaque réponse étant null, un texte, une liste de textes ou un entier",
            answers_path.display(),
            e.line(),
            e.column()
        ))
    })?;
    let (answers, report) = migrate::migrate(&cat, &cat.version, answers);
    for d in &report.dropped {
        match &d.option {
            Some(o) => eprintln!("réponse ignorée : {} = {o} : {}", d.question, d.why),
            None => eprintln!("réponse ignorée : {} : {}", d.question, d.why),
        }
    }
    for a in &report.adapted {
        eprintln!(
            "réponse adaptée : {} : {} devient {}",
            a.question, a.from, a.to
        );
    }
    let p = recommend::pathway(&cat, &answers, &today);
    match format {
        "json" => {
            let v = serde_json::json!({
                "catalogue_version": p.catalogue_version,
                "today": today,
                "priorities": p.priorities,
                "nothing_urgent": p.nothing_urgent,
                "unknowns": p.unknowns.iter().map(|u| u.question.as_str()).collect::<Vec<_>>(),
                "steps": p.steps.iter().map(|s| serde_json::json!({
                    "id": s.id,
                    "label": s.label,
                    "folded": s.folded().iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
                    "modules": s.modules.iter().map(|m| serde_json::json!({
                        "id": m.id,
                        "title": m.title,
                        "provider": m.provider,
                        "nature": m.nature,
                        "status": m.status,
                        "url": m.url,
                        "access": m.access,
                        "reasons": m.reasons.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
                        "to_check": m.to_check,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "not_actionable": p.not_actionable.iter().map(|m| serde_json::json!({
                    "id": m.id,
                    "title": m.title,
                    "provider": m.provider,
                    "nature": m.nature,
                    "state": m.state,
                    "status": m.status,
                    "url": m.url,
                    "access": m.access,
                    "reasons": m.reasons.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
                    "required_by": m.required_by,
                })).collect::<Vec<_>>(),
                "excluded": p.excluded,
            });
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        "csv" => print!("{}", export::csv(&cat, &p)),
        _ => print!("{}", export::markdown(&cat, &p)),
    }
    Ok(())
}

/// `export --format dispositif-aide`: the offers as open data. The file is
/// written only once every row is valid.
fn export_offers(a: &Args) -> Result<(), Fail> {
    match a.format.as_deref() {
        Some("dispositif-aide") => {}
        Some(f) => {
            return Err(Fail::Usage(format!(
                "format « {f} » inconnu (formats : dispositif-aide)"
            )))
        }
        None => {
            return Err(Fail::Usage(
                "l'option --format est obligatoire (formats : dispositif-aide)".into(),
            ))
        }
    }
    let output = match a.positional.as_slice() {
        [] => None,
        [p] if p == "-" => None,
        [p] => Some(PathBuf::from(p)),
        [_, extra, ..] => return Err(Fail::Usage(format!("argument en trop « {extra} »"))),
    };
    let path = PathBuf::from(a.catalogue.as_deref().unwrap_or(DEFAULT_PATH));
    let cat = load_valid(&path, &today(a))?;
    let csv = parcours_core::open_data::csv(&cat).map_err(|problems| {
        for p in &problems {
            eprintln!("{}: {p}", path.display());
        }
        let n = problems.len();
        eprintln!(
            "export impossible : {n} problème{} à corriger dans le catalogue (rien n'a été écrit)",
            if n > 1 { "s" } else { "" }
        );
        Fail::Invalid
    })?;
    match output {
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(csv.as_bytes())
                .map_err(|e| Fail::Usage(format!("sortie standard : {}", io_fr(&e))))
        }
        Some(out) => std::fs::write(&out, csv).map_err(|e| {
            Fail::Usage(format!(
                "impossible d'écrire {} : {}",
                out.display(),
                io_fr(&e)
            ))
        }),
    }
}

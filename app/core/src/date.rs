//! Calendar days as the catalogue writes them, `YYYY-MM-DD`: such strings
//! compare in calendar order, so no date type is needed.

/// `YYYY-MM-DD`, a real calendar date.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| s[r].parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    (1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day `days` after 1970-01-01 (proleptic Gregorian calendar; Howard
/// Hinnant's `civil_from_days`).
pub fn from_unix_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `YYYY-MM`, a month of a year from 2000 to 2099 (a plan's échéance).
pub fn is_month(s: &str) -> bool {
    is_date(&format!("{s}-01")) && s.starts_with("20")
}

/// « mars 2027 » for `2027-03`; the text itself if it is no month.
pub fn french_month(s: &str) -> String {
    if !is_month(s) {
        return s.to_string();
    }
    let m: usize = s[5..7].parse().unwrap_or(1);
    format!("{} {}", MONTHS[m - 1], &s[0..4])
}

/// « 2 décembre 2026 » for `2026-12-02`; the text itself if it is no date.
pub fn french(s: &str) -> String {
    if !is_date(s) {
        return s.to_string();
    }
    let m: usize = s[5..7].parse().unwrap_or(1);
    let d: u32 = s[8..10].parse().unwrap_or(1);
    let day = if d == 1 {
        "1er".to_string()
    } else {
        d.to_string()
    };
    format!("{day} {} {}", MONTHS[m - 1], &s[0..4])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2026-02-29"));
        assert!(!is_date("2026-11-31"));
        assert!(!is_date("26-11-01"));
        assert!(!is_date("2026-1-01"));
        assert!(!is_date("2026-+1-01"));
        assert!(!is_date("2026-00-10"));
    }

    #[test]
    fn unix_days_to_civil_dates() {
        assert_eq!(from_unix_days(0), "1970-01-01");
        assert_eq!(from_unix_days(-1), "1969-12-31");
        assert_eq!(from_unix_days(11_016), "2000-02-29");
        assert_eq!(from_unix_days(20_789), "2026-12-02");
    }

    #[test]
    fn french_dates() {
        assert_eq!(french("2026-12-02"), "2 décembre 2026");
        assert_eq!(french("2021-10-01"), "1er octobre 2021");
        assert_eq!(french("bientôt"), "bientôt");
    }

    #[test]
    fn months_of_a_plan() {
        assert!(is_month("2027-03"));
        assert!(!is_month("2027-13"));
        assert!(!is_month("1999-01"));
        assert!(!is_month("2027-3"));
        assert!(!is_month("2027-03-01"));
        assert_eq!(french_month("2027-03"), "mars 2027");
        assert_eq!(french_month("plus tard"), "plus tard");
    }
}

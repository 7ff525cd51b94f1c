//! Small French text helpers.

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

/// `2026-11-26` → « 26 novembre 2026 »; anything else is returned as is.
pub fn french_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [year, month, day] = parts.as_slice() {
        if let (Ok(y), Ok(m), Ok(d)) = (
            year.parse::<u32>(),
            month.parse::<usize>(),
            day.parse::<u32>(),
        ) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                let day = if d == 1 {
                    "1er".to_string()
                } else {
                    d.to_string()
                };
                return format!("{day} {} {y}", MONTHS[m - 1]);
            }
        }
    }
    iso.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_french() {
        assert_eq!(french_date("2026-11-26"), "26 novembre 2026");
        assert_eq!(french_date("2027-02-01"), "1er février 2027");
        assert_eq!(french_date("2026-13-01"), "2026-13-01");
        assert_eq!(french_date("demain"), "demain");
    }
}

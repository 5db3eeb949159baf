//! Calendar dates as sites write them (`YYYY-MM-DD`, in front matter,
//! config.yaml and data files), checked against the calendar. A leaf: no
//! other module of the crate is used.

/// A calendar date written `YYYY-MM-DD`.
pub(crate) fn check_date(s: &str) -> Result<(), String> {
    let bad = || format!("`{s}` is not a date in the form YYYY-MM-DD");
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(bad());
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("`{s}`: there is no month {month}")),
    };
    if day == 0 || day > days {
        return Err(format!("`{s}`: month {month} of {year} has no day {day}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_calendar_days() {
        assert!(check_date("2024-02-29").is_ok());
        assert_eq!(check_date("2023-02-29").unwrap_err(), "`2023-02-29`: month 2 of 2023 has no day 29");
        assert_eq!(check_date("2023-13-01").unwrap_err(), "`2023-13-01`: there is no month 13");
        assert!(check_date("1 March 2024").is_err());
        assert!(check_date("2024-3-1").is_err());
    }
}

//! Dates at the precision the source allows: a year, a month, or a day.
//!
//! Stored as three small integers so that comparing two dates is one integer
//! comparison and a million events cost 8 bytes of date each. A missing month or
//! day is 0, which is exactly what makes `2021` sort before `2021-01` before
//! `2021-01-01`.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Astronomical year; negative for BCE (TimelineJS import).
    pub year: i32,
    /// 1..=12, or 0 when only the year is known.
    pub month: u8,
    /// 1..=31, or 0 when only the year or month is known.
    pub day: u8,
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// Why a date string was refused; the message is written for users.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Date {
    pub const fn year(year: i32) -> Self {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    pub const fn month(year: i32, month: u8) -> Self {
        Date {
            year,
            month,
            day: 0,
        }
    }

    /// A day-precision date, checked against the calendar.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        let date = Date { year, month, day };
        date.check()?;
        Ok(date)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit month and day).
    /// A leading `-` marks an astronomical year before 1 CE (`-0043` is 44 BCE), as
    /// `Display` writes it, so BCE dates from a TimelineJS import survive a round trip.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let bad = || {
            DateError(format!(
                "\"{text}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        };
        let (sign, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, text),
        };
        let b = unsigned.as_bytes();
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(range)?;
            if part.iter().all(u8::is_ascii_digit) {
                Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
            } else {
                None
            }
        };
        let date = match b.len() {
            4 => Date::year(digits(0..4).ok_or_else(bad)? as i32),
            7 if b[4] == b'-' => Date::month(
                digits(0..4).ok_or_else(bad)? as i32,
                digits(5..7).ok_or_else(bad)? as u8,
            ),
            10 if b[4] == b'-' && b[7] == b'-' => Date {
                year: digits(0..4).ok_or_else(bad)? as i32,
                month: digits(5..7).ok_or_else(bad)? as u8,
                day: digits(8..10).ok_or_else(bad)? as u8,
            },
            _ => return Err(bad()),
        };
        // A written month or day of 00 would otherwise read as "not given".
        let zero = match b.len() {
            7 | 10 if date.month == 0 => Some("month"),
            10 if date.day == 0 => Some("day"),
            _ => None,
        };
        if let Some(part) = zero {
            return Err(DateError(format!(
                "\"{text}\" is not a real date: there is no {part} 0"
            )));
        }
        let date = Date {
            year: sign * date.year,
            ..date
        };
        date.check()
            .map_err(|e| DateError(format!("\"{text}\" {}", e.0)))?;
        Ok(date)
    }

    /// Checks month and day against the calendar (leap years included).
    fn check(&self) -> Result<(), DateError> {
        if self.month == 0 {
            return if self.day == 0 {
                Ok(())
            } else {
                Err(DateError("has a day but no month".into()))
            };
        }
        if self.month > 12 {
            return Err(DateError(format!(
                "is not a real date: there is no month {}",
                self.month
            )));
        }
        if self.day == 0 {
            return Ok(());
        }
        let last = days_in_month(self.year, self.month);
        if self.day > last {
            return Err(DateError(format!(
                "is not a real date: {} {} has {} days",
                MONTH_NAMES[usize::from(self.month - 1)],
                self.year,
                last
            )));
        }
        Ok(())
    }

    /// The last day this date covers, for span checks (`end` not before `date`).
    pub fn last_day(&self) -> (i32, u8, u8) {
        match self.precision() {
            Precision::Year => (self.year, 12, 31),
            Precision::Month => (self.year, self.month, days_in_month(self.year, self.month)),
            Precision::Day => (self.year, self.month, self.day),
        }
    }

    /// The first day this date covers.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.max(1), self.day.max(1))
    }

    /// A human form at the date's own precision: `2021`, `May 2020`, `7 Nov 2021`.
    pub fn human(&self) -> String {
        match self.precision() {
            Precision::Year => format!("{}", DisplayYear(self.year)),
            Precision::Month => format!(
                "{} {}",
                &MONTH_NAMES[usize::from(self.month - 1)][..3],
                DisplayYear(self.year)
            ),
            Precision::Day => format!(
                "{} {} {}",
                self.day,
                &MONTH_NAMES[usize::from(self.month - 1)][..3],
                DisplayYear(self.year)
            ),
        }
    }
}

/// A period as people read it: `7 Nov 2021`, or `2003 – 2011` when it has a
/// different end.
pub fn human_span(start: Date, end: Option<Date>) -> String {
    match end {
        Some(end) if end != start => format!("{} – {}", start.human(), end.human()),
        _ => start.human(),
    }
}

struct DisplayYear(i32);

impl fmt::Display for DisplayYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 <= 0 {
            // Astronomical year 0 is 1 BCE.
            write!(f, "{} BCE", 1 - self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// The format's own spelling: `2021`, `2020-05`, `2021-11-07`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if self.month != 0 {
            write!(f, "-{:02}", self.month)?;
            if self.day != 0 {
                write!(f, "-{:02}", self.day)?;
            }
        }
        Ok(())
    }
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(Date::parse("2003").unwrap(), Date::year(2003));
        assert_eq!(Date::parse("2020-05").unwrap(), Date::month(2020, 5));
        assert_eq!(
            Date::parse("2021-11-07").unwrap(),
            Date::day(2021, 11, 7).unwrap()
        );
    }

    #[test]
    fn refuses_what_is_not_a_calendar_date() {
        for bad in [
            "2021-02-30",
            "2021-13",
            "21",
            "2021-1-5",
            "2021-00-10",
            "",
            "2021-11-7",
            "abcd",
            "2021/11/07",
            "2021-00",
            "2021-00-00",
            "2021-11-00",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(
            Date::parse("2021-02-30").unwrap_err().0,
            "\"2021-02-30\" is not a real date: February 2021 has 28 days"
        );
        assert_eq!(
            Date::parse("2021-00").unwrap_err().0,
            "\"2021-00\" is not a real date: there is no month 0"
        );
        assert_eq!(
            Date::parse("2021-11-00").unwrap_err().0,
            "\"2021-11-00\" is not a real date: there is no day 0"
        );
        assert!(Date::parse("2020-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn lower_precision_sorts_first_within_its_period() {
        let mut dates = [
            Date::parse("2021-01-01").unwrap(),
            Date::parse("2021-01").unwrap(),
            Date::parse("2021").unwrap(),
            Date::parse("2020-12-31").unwrap(),
        ];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2020-12-31", "2021", "2021-01", "2021-01-01"]);
    }

    #[test]
    fn shows_a_date_at_its_own_precision() {
        assert_eq!(Date::parse("2020-05").unwrap().human(), "May 2020");
        assert_eq!(Date::parse("2021-11-07").unwrap().human(), "7 Nov 2021");
        assert_eq!(Date::year(-43).human(), "44 BCE");
    }

    #[test]
    fn reads_back_the_years_before_the_common_era_it_writes() {
        for text in ["-0043", "-0043-03", "-0043-03-15", "-1200"] {
            let date = Date::parse(text).unwrap();
            assert!(date.year < 0);
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(Date::parse("-0043").unwrap().human(), "44 BCE");
        assert!(Date::parse("--043").is_err());
        assert!(Date::parse("-43").is_err());
    }
}

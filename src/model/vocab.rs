//! The report's vocabulary, defined once: status, evidence grade, World Bank region, income group
//! and governance indicator. For each value: its slug (URL and CSS), label, short label (chart
//! rows, table headers), code, and the exact spelling in the source CSVs (`from_csv`).
//!
//! Used by the model (re-exported from `model::data`) and by `build.rs`, which includes this file
//! with `#[path]` to validate the CSVs and to generate the constants: there is no second list.

/// Defines a closed vocabulary: the enum, `ALL` in order, and one table of spellings per value.
macro_rules! vocab {
    (
        $(#[$meta:meta])*
        $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident {
                    slug: $slug:literal,
                    label: $label:literal,
                    short: $short:literal,
                    code: $code:literal,
                    csv: $csv:literal $(,)?
                }
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in the report's order (`ALL[v.index()] == v`).
            pub const ALL: [$name; [$($slug),+].len()] = [$($name::$variant),+];

            /// Position in `ALL`.
            pub const fn index(self) -> usize {
                self as usize
            }
            /// Identifier in URLs and CSS classes.
            pub const fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }
            /// Name shown to readers.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// Name where space is short (chart rows, column headers).
            pub const fn short_label(self) -> &'static str {
                match self { $($name::$variant => $short),+ }
            }
            /// Code used by the data's publisher (or a one-letter code).
            pub const fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            /// The exact spelling in the source CSV files.
            pub const fn csv(self) -> &'static str {
                match self { $($name::$variant => $csv),+ }
            }
            /// The value spelled `s` in a source CSV file, if any.
            pub fn from_csv(s: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.csv() == s)
            }
        }
    };
}

vocab! {
    /// A country's decision on 14 Dec 2012 (`signatories.csv`, column `status`).
    Status {
        Signed { slug: "signed", label: "Signed", short: "Signed", code: "S", csv: "signed" },
        Declined { slug: "declined", label: "Did not sign", short: "Did not sign", code: "D", csv: "declined" },
    }
}

vocab! {
    /// Evidence grade of a country's status (`signatories.csv`, column `evidence`; see
    /// `src/data/SOURCES.md`).
    Grade {
        A { slug: "a", label: "A", short: "A", code: "A", csv: "A" },
        B { slug: "b", label: "B", short: "B", code: "B", csv: "B" },
        C { slug: "c", label: "C", short: "C", code: "C", csv: "C" },
        D { slug: "d", label: "D", short: "D", code: "D", csv: "D" },
    }
}

vocab! {
    /// World Bank region, December 2016 list (`income_fy2013.csv`, column `wb_region`; see the
    /// caveat in Sources and method). Codes are the World Bank's region codes.
    Region {
        EastAsiaPacific { slug: "eap", label: "East Asia & Pacific", short: "E. Asia & Pacific", code: "EAS", csv: "East Asia & Pacific" },
        EuropeCentralAsia { slug: "eca", label: "Europe & Central Asia", short: "Europe & C. Asia", code: "ECS", csv: "Europe & Central Asia" },
        LatinAmericaCaribbean { slug: "lac", label: "Latin America & Caribbean", short: "Latin Am. & Carib.", code: "LCN", csv: "Latin America & Caribbean" },
        MiddleEastNorthAfrica { slug: "mena", label: "Middle East & North Africa", short: "Middle East & N. Africa", code: "MEA", csv: "Middle East & North Africa" },
        NorthAmerica { slug: "na", label: "North America", short: "North America", code: "NAC", csv: "North America" },
        SouthAsia { slug: "sa", label: "South Asia", short: "South Asia", code: "SAS", csv: "South Asia" },
        SubSaharanAfrica { slug: "ssa", label: "Sub-Saharan Africa", short: "Sub-Saharan Africa", code: "SSF", csv: "Sub-Saharan Africa" },
    }
}

vocab! {
    /// World Bank income group for FY2013, set July 2012 from 2011 GNI per capita
    /// (`income_fy2013.csv`, column `income_group`; codes as in its `oghist_fy13_code`).
    Income {
        Low { slug: "low", label: "Low income", short: "Low income", code: "L", csv: "Low" },
        LowerMiddle { slug: "lmc", label: "Lower middle income", short: "Lower middle", code: "LM", csv: "Lower middle" },
        UpperMiddle { slug: "umc", label: "Upper middle income", short: "Upper middle", code: "UM", csv: "Upper middle" },
        High { slug: "high", label: "High income", short: "High income", code: "H", csv: "High" },
    }
}

vocab! {
    /// The six Worldwide Governance Indicators (`wgi_2011_2012_detail.csv`, column `indicator`).
    Indicator {
        Va { slug: "va", label: "Voice and Accountability", short: "VA", code: "va", csv: "va" },
        Pv { slug: "pv", label: "Political Stability", short: "PV", code: "pv", csv: "pv" },
        Ge { slug: "ge", label: "Government Effectiveness", short: "GE", code: "ge", csv: "ge" },
        Rq { slug: "rq", label: "Regulatory Quality", short: "RQ", code: "rq", csv: "rq" },
        Rl { slug: "rl", label: "Rule of Law", short: "RL", code: "rl", csv: "rl" },
        Cc { slug: "cc", label: "Control of Corruption", short: "CC", code: "cc", csv: "cc" },
    }
}

impl Grade {
    /// The grade's letter (its code).
    pub const fn letter(self) -> &'static str {
        self.code()
    }
    /// C and D are inferred, never confirmed.
    pub const fn is_inferred(self) -> bool {
        matches!(self, Grade::C | Grade::D)
    }
    pub const fn explanation(self) -> &'static str {
        match self {
            Grade::A => "Confirmed: two or more independent sources, or an official statement.",
            Grade::B => "One source judged reliable.",
            Grade::C => "Inferred, not confirmed: from a published count, an indirect report, or absence from a list.",
            Grade::D => "Inferred, not confirmed: by elimination against the official totals (89 signed, 55 did not) only.",
        }
    }
}

impl Indicator {
    /// The indicator's upper-case abbreviation ("VA").
    pub const fn short(self) -> &'static str {
        self.short_label()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling is unique within its vocabulary, and `ALL` follows the declaration order.
    fn check<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        index: fn(T) -> usize,
        spellings: &[fn(T) -> &'static str],
        from_csv: fn(&str) -> Option<T>,
        csv: fn(T) -> &'static str,
    ) {
        for (k, &v) in all.iter().enumerate() {
            assert_eq!(index(v), k);
            assert_eq!(from_csv(csv(v)), Some(v));
        }
        for f in spellings {
            let seen: std::collections::HashSet<&str> = all.iter().map(|&v| f(v)).collect();
            assert_eq!(seen.len(), all.len(), "{:?}", all);
        }
    }

    #[test]
    fn spellings_are_unique_and_round_trip() {
        check(
            &Status::ALL,
            Status::index,
            &[Status::slug, Status::label, Status::code],
            Status::from_csv,
            Status::csv,
        );
        check(
            &Grade::ALL,
            Grade::index,
            &[Grade::slug, Grade::label, Grade::code],
            Grade::from_csv,
            Grade::csv,
        );
        check(
            &Region::ALL,
            Region::index,
            &[
                Region::slug,
                Region::label,
                Region::short_label,
                Region::code,
            ],
            Region::from_csv,
            Region::csv,
        );
        check(
            &Income::ALL,
            Income::index,
            &[
                Income::slug,
                Income::label,
                Income::short_label,
                Income::code,
            ],
            Income::from_csv,
            Income::csv,
        );
        check(
            &Indicator::ALL,
            Indicator::index,
            &[
                Indicator::slug,
                Indicator::label,
                Indicator::short_label,
                Indicator::code,
            ],
            Indicator::from_csv,
            Indicator::csv,
        );
        assert_eq!(Income::from_csv("Lower middle income"), None);
        assert_eq!(Region::from_csv("east asia & pacific"), None);
    }
}

//! Text folding for search: lower case, accents removed, typographic apostrophes unified.
//! Also used by `build.rs` to precompute each country's search key.

/// Folds one character to its unaccented lower-case ASCII form where one exists.
fn fold_char(c: char, out: &mut String) {
    let s: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ß' => "ss",
        '’' | '‘' | '`' | '´' => "'",
        '‐' | '‑' | '–' | '—' => "-",
        // ASCII and the Latin letters above cover every name in the data; other scripts are kept
        // as typed (no Unicode case tables in the browser build).
        _ => {
            out.push(c.to_ascii_lowercase());
            return;
        }
    };
    out.push_str(s);
}

/// Case- and accent-insensitive form of `s`, with runs of white space collapsed and trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        fold_char(c, &mut out);
    }
    out
}

/// A name without its parenthesis, for labels: "Iran (Islamic Republic of)" → "Iran".
pub fn without_parenthesis(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name)
}

/// `v` rounded half away from zero to `dp` decimals (at most 9), with an ASCII minus: "3.6",
/// "-0.25", "12". Integer arithmetic only: the browser build carries no float formatter.
pub fn fmt_fixed(v: f64, dp: usize) -> String {
    let (neg, digits) = fixed_digits(v, dp);
    format!("{}{digits}", if neg { "-" } else { "" })
}

/// Sign (true when the rounded value is below zero) and the digits of `|v|` with `dp` decimals.
fn fixed_digits(v: f64, dp: usize) -> (bool, String) {
    let scale = 10u64.pow(dp.min(9) as u32);
    let n = (v * scale as f64).round();
    if !n.is_finite() {
        return (false, "n/a".into());
    }
    let a = n.abs() as u64;
    let digits = if dp == 0 {
        format!("{a}")
    } else {
        format!("{}.{:0dp$}", a / scale, a % scale, dp = dp.min(9))
    };
    (n < 0.0 && a != 0, digits)
}

/// A number with an explicit sign, a true minus and `dp` decimals: "+1.05", "−0.52", "+38".
/// Values that round to zero print without a sign.
pub fn fmt_signed_dp(v: f64, dp: usize) -> String {
    let (neg, digits) = fixed_digits(v, dp);
    let zero = !digits.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if zero {
        ""
    } else if neg {
        "−"
    } else {
        "+"
    };
    format!("{sign}{digits}")
}

/// A WGI estimate with an explicit sign and a true minus: "+1.05", "−0.52".
pub fn fmt_signed(v: f64) -> String {
    fmt_signed_dp(v, 2)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_and_apostrophes() {
        assert_eq!(fold("CÔTE D’IVOIRE"), "cote d'ivoire");
        assert_eq!(fold("  Émirats   Arabes "), "emirats arabes");
        assert_eq!(fold("AZERBAÏDJAN"), "azerbaidjan");
    }

    #[test]
    fn signed_estimates_use_a_true_minus() {
        assert_eq!(super::fmt_signed(1.0515), "+1.05");
        assert_eq!(super::fmt_signed(-0.5156), "−0.52");
        assert_eq!(super::fmt_signed(-0.001), "0.00");
        assert_eq!(super::fmt_signed_dp(37.6, 0), "+38");
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero() {
        use super::fmt_fixed;
        assert_eq!(fmt_fixed(3.6, 1), "3.6");
        assert_eq!(fmt_fixed(-0.25, 1), "-0.3");
        assert_eq!(fmt_fixed(-0.04, 1), "0.0");
        assert_eq!(fmt_fixed(12.0, 0), "12");
        assert_eq!(fmt_fixed(-1.404138, 6), "-1.404138");
        assert_eq!(fmt_fixed(0.0005, 3), "0.001");
        assert_eq!(fmt_fixed(f64::NAN, 2), "n/a");
    }
}

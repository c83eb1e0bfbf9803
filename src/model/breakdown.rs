//! Counts behind the map's breakdown bars, the table summary and the heat colouring.

use super::data::{Income, Region, Status, COUNTRIES};

/// Signed / did-not-sign counts of one group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCount {
    pub label: &'static str,
    pub slug: &'static str,
    pub signed: usize,
    pub declined: usize,
}

impl GroupCount {
    pub fn total(&self) -> usize {
        self.signed + self.declined
    }
}

/// Counts by status of the countries in `set`.
pub fn status_counts(set: &[usize]) -> (usize, usize) {
    let signed = set
        .iter()
        .filter(|&&i| COUNTRIES[i].status == Status::Signed)
        .count();
    (signed, set.len() - signed)
}

fn count_by<K: PartialEq + Copy>(
    set: &[usize],
    keys: &[K],
    key_of: impl Fn(usize) -> K,
) -> Vec<(usize, usize)> {
    keys.iter()
        .map(|&k| {
            let members: Vec<usize> = set.iter().copied().filter(|&i| key_of(i) == k).collect();
            status_counts(&members)
        })
        .collect()
}

/// Counts by World Bank region (all seven, in a fixed order).
pub fn by_region(set: &[usize]) -> Vec<GroupCount> {
    count_by(set, &Region::ALL, |i| COUNTRIES[i].region)
        .into_iter()
        .zip(Region::ALL)
        .map(|((signed, declined), r)| GroupCount {
            label: r.label(),
            slug: r.slug(),
            signed,
            declined,
        })
        .collect()
}

/// Counts by FY2013 income group (low to high).
pub fn by_income(set: &[usize]) -> Vec<GroupCount> {
    count_by(set, &Income::ALL, |i| COUNTRIES[i].income)
        .into_iter()
        .zip(Income::ALL)
        .map(|((signed, declined), g)| GroupCount {
            label: g.label(),
            slug: g.slug(),
            signed,
            declined,
        })
        .collect()
}

/// The table summary line, e.g. "Showing 12 of 144 · 5 signed · 7 did not sign".
pub fn summary_line(set: &[usize]) -> String {
    let (s, d) = status_counts(set);
    format!(
        "Showing {} of {} · {} signed · {} did not sign",
        set.len(),
        COUNTRIES.len(),
        s,
        d
    )
}

/// Heat bucket 0…8 of a WGI estimate for the table's cell colouring (−2.5 → 0, +2.5 → 8).
pub fn heat_bucket(v: f64) -> u8 {
    (((v + 2.5) / 5.0 * 8.0).round()).clamp(0.0, 8.0) as u8
}

/// Counts of (signed, declined) per evidence grade A–D, for the method section.
pub fn grade_counts() -> Vec<(super::data::Grade, usize, usize)> {
    use super::data::Grade;
    Grade::ALL
        .iter()
        .map(|&g| {
            let set: Vec<usize> = (0..COUNTRIES.len())
                .filter(|&i| COUNTRIES[i].grade == g)
                .collect();
            let (s, d) = status_counts(&set);
            (g, s, d)
        })
        .collect()
}

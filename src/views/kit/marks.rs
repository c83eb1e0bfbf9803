//! Marks on markup the view did not create, and the owner rule (see the kit's module rules).

use crate::model::contract::{CountryId, Mark, COUNTRY_ATTR};

/// The filter and selection marks of a container's children (map features, chart dots: each
/// carries its country in `data-i`; others are ignored). Countries outside the filter are
/// [`Mark::Faded`], the selected one [`Mark::Selected`]. Only what changed is touched.
pub struct Marks {
    els: Vec<(web_sys::Element, CountryId)>,
    shown: Vec<bool>,
    sel: Option<CountryId>,
}

impl Marks {
    /// Reads the children of `parent` (call it again after replacing them).
    pub fn read(parent: &web_sys::Element) -> Marks {
        let list = parent.children();
        let els = (0..list.length())
            .filter_map(|k| list.item(k))
            .filter_map(|el| {
                let id = CountryId::parse(&el.get_attribute(COUNTRY_ATTR)?)?;
                Some((el, id))
            })
            .collect();
        Marks {
            els,
            shown: Vec::new(),
            sel: None,
        }
    }

    /// Reads the children of `parent` as the build wrote them: all shown, none selected — so the
    /// first [`Marks::apply`] touches only what differs.
    pub fn adopted(parent: &web_sys::Element) -> Marks {
        let mut m = Marks::read(parent);
        m.shown = vec![true; m.els.len()];
        m
    }

    /// Marks every element from the filter mask (indexed by country) and the selection.
    pub fn apply(&mut self, mask: &[bool], sel: Option<CountryId>) {
        let fresh = self.shown.is_empty();
        for (k, (el, id)) in self.els.iter().enumerate() {
            let show = mask[id.index()];
            if fresh || self.shown[k] != show {
                let _ = el.class_list().toggle_with_force(Mark::Faded.name(), !show);
            }
            if fresh || (self.sel != sel && (self.sel == Some(*id) || sel == Some(*id))) {
                let on = sel == Some(*id);
                let _ = el.class_list().toggle_with_force(Mark::Selected.name(), on);
            }
        }
        self.shown = self.els.iter().map(|(_, id)| mask[id.index()]).collect();
        self.sel = sel;
    }
}

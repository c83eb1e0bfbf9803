//! Marks on markup the view did not create, and the owner rule (see the kit's module rules).

use crate::model::contract::{CountryId, Mark, COUNTRY_ATTR};

/// The filter and selection marks of a container's children (each child carries its country in
/// `data-i`; others are ignored). Only what changed is touched.
pub struct Marks {
    els: Vec<(web_sys::Element, CountryId)>,
    /// [`Mark::Faded`] or [`Mark::Hidden`] for countries outside the filter.
    out: Mark,
    shown: Vec<bool>,
    sel: Option<CountryId>,
    /// The order `arrange` last put the elements in.
    order: Vec<usize>,
}

impl Marks {
    /// Reads the children of `parent` (call it again after replacing them).
    pub fn read(parent: &web_sys::Element, out: Mark) -> Marks {
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
            out,
            shown: Vec::new(),
            sel: None,
            order: Vec::new(),
        }
    }

    /// Reads the children of `parent` as the build wrote them: in `order` (country indices), all
    /// shown, none selected — so the first [`Marks::apply`] touches only what differs.
    pub fn adopted(parent: &web_sys::Element, out: Mark, order: Vec<usize>) -> Marks {
        let mut m = Marks::read(parent, out);
        m.shown = vec![true; m.els.len()];
        m.order = order;
        m
    }

    /// Moves the elements into `order` (country indices) under `parent`, if it changed.
    pub fn arrange(&mut self, parent: &web_sys::Element, order: &[usize]) {
        if self.order == order {
            return;
        }
        let mut by_country: Vec<Option<&web_sys::Element>> =
            vec![None; crate::model::data::COUNTRIES.len()];
        for (el, id) in &self.els {
            if let Some(slot) = by_country.get_mut(id.index()) {
                *slot = Some(el);
            }
        }
        for &i in order {
            if let Some(Some(el)) = by_country.get(i) {
                let _ = parent.append_child(el);
            }
        }
        self.order = order.to_vec();
    }

    /// Marks every element from the filter mask (indexed by country) and the selection.
    pub fn apply(&mut self, mask: &[bool], sel: Option<CountryId>) {
        let fresh = self.shown.is_empty();
        for (k, (el, id)) in self.els.iter().enumerate() {
            let show = mask[id.index()];
            if fresh || self.shown[k] != show {
                match self.out {
                    Mark::Hidden => {
                        let _ = el.toggle_attribute_with_force(Mark::Hidden.name(), !show);
                    }
                    m => {
                        let _ = el.class_list().toggle_with_force(m.name(), !show);
                    }
                }
            }
            if fresh || (self.sel != sel && (self.sel == Some(*id) || sel == Some(*id))) {
                let on = sel == Some(*id);
                let _ = el.class_list().toggle_with_force(Mark::Selected.name(), on);
                // A table row's name button says whether it is the selected country.
                if let Ok(Some(b)) = el.query_selector("button[aria-pressed]") {
                    let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
                }
            }
        }
        self.shown = self.els.iter().map(|(_, id)| mask[id.index()]).collect();
        self.sel = sel;
    }
}

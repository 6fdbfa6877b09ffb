//! `convert` (built in): a conversion in parentheses must agree with the value
//! it converts, within rounding ("900 km (550 miles)" passes; "(350 miles)" not).

use super::Emitter;
use crate::document::Document;
use crate::values::quantity::conversions_among;
use std::ops::Range;

/// Compiled `convert` check (no settings).
#[derive(Debug)]
pub struct Convert;

impl Convert {
    pub fn run(&self, doc: &Document, unit: Range<usize>, emit: &mut Emitter) {
        let text = &doc.lintable[unit.clone()];
        let measurements = emit.values().quantities(doc, unit.clone());
        for conversion in conversions_among(text, &measurements) {
            if conversion.agrees() {
                continue;
            }
            let (original, converted) = (&conversion.original, &conversion.converted);
            // `+ 0.0` writes -0.4 °F as "about 0 °F", not "-0".
            let rounded = conversion.expected().round() + 0.0;
            let expected = format!("about {rounded} {}", converted.value.unit.symbol);
            let shift = |r: &Range<usize>| unit.start + r.start..unit.start + r.end;
            emit.report_related(
                shift(&converted.span),
                &text[converted.span.clone()],
                &expected,
                None,
                vec![(shift(&original.span), format!("is {expected}"))],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    const CONVERT: &str = "[[check]]\nid = \"conversion\"\nkind = \"convert\"\n";

    fn flagged(text: &str) -> Vec<(String, String)> {
        crate::checks::findings_of(CONVERT, text)
            .into_iter()
            .map(|f| (f.primary.text().to_string(), f.message))
            .collect()
    }

    #[test]
    fn wrong_conversion_is_flagged_at_the_converted_value() {
        assert_eq!(
            flagged("missiles with ranges of around 900 kilometres (350 miles) were fired"),
            [(
                "350 miles".to_string(),
                "350 miles does not match the conversion: about 559 mi".to_string()
            )]
        );
    }

    #[test]
    fn feet_and_inches_convert_as_one_height() {
        assert!(flagged("The bullseye sits 5ft 8in (1.73m) above the floor.").is_empty());
        assert_eq!(
            flagged("The bullseye sits 5ft 8in (1.52m) above the floor.")[0].0,
            "1.52m"
        );
    }

    #[test]
    fn temperatures_convert_from_their_own_zero() {
        assert_eq!(
            flagged("Kyiv will fall to -18C (-4F) at the weekend."),
            [(
                "-4F".to_string(),
                "-4F does not match the conversion: about 0 °F".to_string()
            )]
        );
        assert!(flagged("It was 20°C (68°F) in Kharkiv and minus 5C (23F) in Lviv.").is_empty());
    }

    #[test]
    fn rounded_conversions_pass() {
        assert!(flagged("ranges of around 900 kilometres (550 miles)").is_empty());
        assert!(flagged("a range of 900 km (560 miles)").is_empty());
        assert!(flagged("10 times the speed of sound").is_empty());
    }
}

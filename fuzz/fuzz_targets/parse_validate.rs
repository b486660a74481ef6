//! Fuzz target: arbitrary bytes through the JSON reader, the validator and the ASL model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statewright_core::validate::{MachineType, Options, load, validate_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for machine_type in [MachineType::Standard, MachineType::Express] {
        let options = Options { machine_type };
        let _ = validate_text(text, &options);
        // Whatever the validator accepts must load into the model and serialize back.
        if let Ok(machine) = load(text, &options) {
            let again = machine.to_json();
            assert!(load(&again, &options).is_ok(), "a loaded machine must reload");
        }
    }
});

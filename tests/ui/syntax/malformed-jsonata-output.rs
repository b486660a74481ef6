//! A JSONata `output_expr` that does not parse.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[derive(Workflow)]
#[workflow(query_language = "JSONata")]
pub struct Flow {
    #[state(output_expr = "{% $states.input.total + %}", end)]
    pass: Pass,
}

fn main() {}

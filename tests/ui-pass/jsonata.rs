//! A workflow in JSONata: `arguments`, `output_expr`, and a Choice on a JSONata condition.

use statewright::prelude::*;

#[derive(Serialize, Deserialize, Payload)]
pub struct Order {
    pub id: String,
    pub total: u32,
}

#[statewright::lambda(function = "Price")]
pub async fn price(order: Order) -> Result<Order, String> {
    Ok(order)
}

#[derive(Workflow)]
#[workflow(input = Order, query_language = "JSONata")]
pub struct Flow {
    #[state(arguments = "{% $states.input %}", next = check)]
    price: Task<Price>,
    #[choice(when("{% $states.input.total > 100 %}") => big, default = small)]
    check: Choice<Order>,
    #[state(output_expr = "{% {'size': 'big'} %}", end)]
    big: Pass,
    small: Succeed,
}

fn main() {
    let asl = Flow::definition().to_value();
    assert_eq!(asl["QueryLanguage"], "JSONata");
    assert_eq!(
        asl["States"]["check"]["Choices"][0]["Condition"],
        "{% $states.input.total > 100 %}"
    );
    assert_eq!(asl["States"]["big"]["Output"], "{% {'size': 'big'} %}");
}

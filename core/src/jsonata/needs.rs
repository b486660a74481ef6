//! What a parsed expression can reach besides its input, found once by walking its syntax
//! tree: whether it can read `$states.context`, and which of Step Functions' functions it can
//! call. Each answer errs towards "yes": a "no" only ever skips work nothing can observe.

use jsonata_core::ast::{AstNode, PathStep, Stage};

use super::functions::{StepFunction, StepFunctions};

/// What evaluating an expression may need (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Needs {
    /// `$states` may be read other than as `$states.input`, `$states.result` or
    /// `$states.errorOutput`, so it must hold its `context`.
    pub(crate) context: bool,
    /// The Step Functions functions it may call.
    pub(crate) functions: StepFunctions,
}

/// The members of `$states` read without the context object.
const PLAIN_MEMBERS: [&str; 3] = ["input", "result", "errorOutput"];

impl Needs {
    /// What `ast` needs.
    pub(crate) fn of(ast: &AstNode) -> Self {
        let mut needs = Needs::default();
        needs.visit(ast);
        needs
    }

    /// Everything: for an expression that evaluates text (`$eval`), which can name anything.
    fn everything(&mut self) {
        self.context = true;
        self.functions = StepFunctions::all();
    }

    /// A name the expression looks up, as a variable or as a function to call.
    fn name(&mut self, name: &str) {
        match name {
            "states" => self.context = true,
            "eval" => self.everything(),
            _ => {
                if let Some(function) = StepFunction::named(name) {
                    self.functions.insert(function);
                }
            }
        }
    }

    fn visit(&mut self, node: &AstNode) {
        // Deep trees are walked on a fresh stack segment when this one runs low, as the engine
        // walks them (the parser allows about 1000 levels).
        jsonata_core::value::with_stack(|| self.visit_here(node));
    }

    fn visit_here(&mut self, node: &AstNode) {
        match node {
            AstNode::String(_)
            | AstNode::Name(_)
            | AstNode::Number(_)
            | AstNode::Boolean(_)
            | AstNode::Null
            | AstNode::Undefined
            | AstNode::Placeholder
            | AstNode::Regex { .. }
            | AstNode::Wildcard
            | AstNode::Descendant => {}
            AstNode::Variable(name) | AstNode::ParentVariable(name) => self.name(name),
            // `%` reaches the value a step started from, which can be `$states` itself.
            AstNode::Parent(_) => self.context = true,
            AstNode::Path { steps } => self.path(steps),
            AstNode::Binary { lhs, rhs, .. } => {
                self.visit(lhs);
                self.visit(rhs);
            }
            AstNode::Unary { operand, .. } => self.visit(operand),
            AstNode::Function { name, args, .. } => {
                self.name(name);
                args.iter().for_each(|arg| self.visit(arg));
            }
            AstNode::Call { procedure, args } => {
                self.visit(procedure);
                args.iter().for_each(|arg| self.visit(arg));
            }
            AstNode::Lambda { body, .. } => self.visit(body),
            AstNode::Array(items) | AstNode::Block(items) | AstNode::ArrayGroup(items) => {
                items.iter().for_each(|item| self.visit(item));
            }
            AstNode::Object(pairs) => self.pairs(pairs),
            AstNode::ObjectTransform { input, pattern } => {
                self.visit(input);
                self.pairs(pattern);
            }
            AstNode::Conditional {
                condition,
                then_branch,
                else_branch,
            } => {
                self.visit(condition);
                self.visit(then_branch);
                if let Some(else_branch) = else_branch {
                    self.visit(else_branch);
                }
            }
            AstNode::FunctionApplication(inner) => self.visit(inner),
            AstNode::Sort { input, terms } => {
                self.visit(input);
                terms.iter().for_each(|(term, _)| self.visit(term));
            }
            AstNode::Transform {
                location,
                update,
                delete,
            } => {
                self.visit(location);
                self.visit(update);
                if let Some(delete) = delete {
                    self.visit(delete);
                }
            }
        }
    }

    fn pairs(&mut self, pairs: &[(AstNode, AstNode)]) {
        for (key, value) in pairs {
            self.visit(key);
            self.visit(value);
        }
    }

    /// A path: `$states.input...` (or `.result`, `.errorOutput`) reads no context; any other
    /// use of `$states` in it is found by visiting its steps.
    fn path(&mut self, steps: &[PathStep]) {
        let skip = match steps {
            [first, second, ..] if reads_plain_member(first, second) => 1,
            _ => 0,
        };
        for step in &steps[skip..] {
            self.visit(&step.node);
            for stage in &step.stages {
                match stage {
                    Stage::Filter(filter) => self.visit(filter),
                    Stage::KeepArray | Stage::Index(_) => {}
                }
            }
        }
    }
}

/// Whether `first` is a bare `$states` and `second` one of its members that are not the
/// context: no predicate, binding or `%` label on `$states` that could hand it on whole.
fn reads_plain_member(first: &PathStep, second: &PathStep) -> bool {
    let bare_states = matches!(&first.node, AstNode::Variable(name) if name == "states")
        && first.stages.is_empty()
        && first.focus.is_none()
        && first.index_var.is_none()
        && first.ancestor_label.is_none();
    let plain_member =
        matches!(&second.node, AstNode::Name(name) if PLAIN_MEMBERS.contains(&name.as_str()));
    bare_states && plain_member
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(expression: &str) -> Needs {
        Needs::of(&jsonata_core::parser::parse(expression).unwrap())
    }

    fn reads_context(expression: &str) -> bool {
        needs(expression).context
    }

    #[test]
    fn the_plain_members_of_states_need_no_context() {
        for expression in [
            "$states.input.n + 1",
            "$states.input",
            "$states.result.Payload",
            "$states.errorOutput.Cause",
            "$states.input.items[price > 10].name",
            "$states.input.items[$states.input.limit < 3]",
            "$states.input.a@$x.b",
            "$sum($states.input.items.($ * 2))",
            "{'a': $states.input.a, 'b': [$states.result]}",
            "function($v) { $v + $states.input.n }(1)",
            "$x := 3",
            "$$.a",
            "'$states.context'",
        ] {
            assert!(!reads_context(expression), "{expression}");
        }
    }

    #[test]
    fn any_other_use_of_states_needs_the_context() {
        for expression in [
            "$states.context.Execution.Id",
            "$states.context",
            "$states",
            "$states.*",
            "$states.**.Id",
            "$states[0].input",
            "$states@$s.input",
            "$keys($states)",
            "$lookup($states, 'context')",
            "$states.'context'",
            "$states.(context)",
            "$states.input.%.context",
            "$states.input.a.%.%",
            "$x.$states",
            "$f := function() { $states }",
            "$eval('$states.context')",
            "($f := $eval; $f('1'))",
            "$states()",
            "[1, 2] ~> $map(function($v) { $states.context })",
            "$states.input ? $states.context : 0",
            "$states.input^($states.context.x)",
            "$states.input ~> |a|{'b': $states}|",
        ] {
            assert!(reads_context(expression), "{expression}");
        }
    }

    #[test]
    fn step_functions_functions_are_found_by_name() {
        let found = needs("$uuid() & $string($random())").functions;
        assert!(found.contains(StepFunction::Uuid) && found.contains(StepFunction::Random));
        assert!(!found.contains(StepFunction::Hash));
        let passed = needs("$map([1, 2], $uuid)").functions;
        assert!(passed.contains(StepFunction::Uuid));
        let partial = needs("($p := $partition(?, 2); $p([1, 2, 3]))").functions;
        assert!(partial.contains(StepFunction::Partition));
        let chained = needs("'{}' ~> $parse").functions;
        assert!(chained.contains(StepFunction::Parse));
        assert_eq!(
            needs("$sum($states.input.a) + $x").functions,
            StepFunctions::default()
        );
        assert_eq!(
            needs("$eval('$range(1, 2, 1)')").functions,
            StepFunctions::all()
        );
    }
}

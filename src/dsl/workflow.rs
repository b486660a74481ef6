//! The `Workflow` trait that `#[derive(Workflow)]` implements: the definition, the handlers
//! a local run needs, and the branches of Parallel states.

use crate::asl::StateMachine;
use crate::exec::ExecutorBuilder;

use super::local::Local;
use super::task::LocalNaming;

/// A Step Functions workflow declared as a Rust type.
pub trait Workflow: Sized + 'static {
    /// The execution input.
    type Input;
    /// The execution output.
    type Output;

    /// The workflow's ASL definition, with `${Name...}` placeholders for ARNs (filled by
    /// CloudFormation's `DefinitionSubstitutions`, `codegen::Naming`, or [`Workflow::local`]).
    fn definition() -> StateMachine;

    /// Registers on `builder` the handlers of every task, nested workflows included.
    fn register(builder: ExecutorBuilder, naming: &LocalNaming) -> ExecutorBuilder;

    /// Reads every field, so that a workflow's state fields do not count as dead code.
    #[doc(hidden)]
    fn __states(&self) {}

    /// A local run of the workflow on the in-process executor, with every handler wired.
    fn local() -> Local<Self> {
        Local::new()
    }
}

/// The branches of a Parallel state: a tuple of workflows.
pub trait Branches: 'static {
    /// The tuple of the branches' inputs is not needed; their outputs form the result.
    type Outputs;
    /// Each branch's definition, in order.
    fn definitions() -> Vec<StateMachine>;
    /// Registers every branch's handlers.
    fn register(builder: ExecutorBuilder, naming: &LocalNaming) -> ExecutorBuilder;
}

macro_rules! branches {
    ($($name:ident),+) => {
        impl<$($name: Workflow),+> Branches for ($($name,)+) {
            type Outputs = ($($name::Output,)+);
            fn definitions() -> Vec<StateMachine> {
                vec![$($name::definition()),+]
            }
            fn register(builder: ExecutorBuilder, naming: &LocalNaming) -> ExecutorBuilder {
                $(let builder = $name::register(builder, naming);)+
                builder
            }
        }
    };
}
branches!(A);
branches!(A, B);
branches!(A, B, C);
branches!(A, B, C, D);
branches!(A, B, C, D, E);
branches!(A, B, C, D, E, F);
branches!(A, B, C, D, E, F, G);
branches!(A, B, C, D, E, F, G, H);

/// Every branch of a Parallel state accepts the state's input `T`.
#[diagnostic::on_unimplemented(
    message = "a branch of this Parallel state does not accept its input `{T}`",
    note = "each branch workflow's `input` type must accept `{T}` (see `Accepts`)"
)]
pub trait BranchesAccept<T: ?Sized> {}

macro_rules! branches_accept {
    ($($name:ident),+) => {
        impl<T: ?Sized, $($name: Workflow),+> BranchesAccept<T> for ($($name,)+)
        where $($name::Input: super::Accepts<T>),+ {}
    };
}
branches_accept!(A);
branches_accept!(A, B);
branches_accept!(A, B, C);
branches_accept!(A, B, C, D);
branches_accept!(A, B, C, D, E);
branches_accept!(A, B, C, D, E, F);
branches_accept!(A, B, C, D, E, F, G);
branches_accept!(A, B, C, D, E, F, G, H);

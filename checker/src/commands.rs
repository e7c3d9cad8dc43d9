//! One file per subcommand.

pub mod batch;
pub mod classroom;
pub mod dev_check;
pub mod export;
pub mod grade;
pub mod hint;
pub mod list;
pub mod reset;
pub mod run;
pub mod watch;

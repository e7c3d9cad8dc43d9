//! One file per subcommand.

pub mod dev_check;
pub mod grade;
pub mod hint;
pub mod list;
pub mod reset;
pub mod run;
pub mod watch;

//! `polibrief`: arguments in, exit code out. All logic lives in the library.

fn main() -> std::process::ExitCode {
    polibrief::cli::main()
}

fn main() {
    eprintln!("tlx: not built yet");
    std::process::exit(2);
}

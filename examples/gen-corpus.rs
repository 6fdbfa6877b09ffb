//! Generates a large, deterministic corpus of news articles for benchmarking.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles N --seed S --out DIR [--size-mb M]
//! ```
//!
//! Articles (2–6 KB each) are assembled from the paragraphs of the seed corpus
//! (`corpus/*.txt`, read at run time), with varied dates ("Dec. 30",
//! "January 2", "on Tuesday"), numbers ("nearly 30", "more than 1,000"),
//! quotes in several quoting styles, and planted errors (wrong annexation
//! years, "Advertisement" lines, doubled boilerplate, "analysiss"). About one
//! article in ten is Markdown with front matter, a link and inline code.
//!
//! Files go to `DIR/dNNNN/aNNNNNNN.{txt,md}`, 1000 per directory, and
//! `DIR/corpus.toml` lists every article with its publication date and source.
//!
//! Randomness is a hand-written splitmix64 (no crate). Article `i` depends only
//! on `(seed, i)`, so a smaller corpus with the same seed is a prefix of a
//! larger one: the 0.1× corpus is the first tenth of the 1× corpus.
//!
//! Size: without `--articles`, articles are generated until their total size
//! reaches `--size-mb` megabytes (1 MB = 1,000,000 bytes; default 200).

use clap::Parser;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(about = "Generate a deterministic benchmark corpus from the seed articles")]
struct Args {
    /// Number of articles (overrides --size-mb).
    #[arg(long)]
    articles: Option<usize>,
    /// Total size of the articles in MB (1 MB = 10^6 bytes).
    #[arg(long, default_value_t = 200.0)]
    size_mb: f64,
    /// PRNG seed; the same seed gives byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory; must be absent or empty.
    #[arg(long)]
    out: PathBuf,
    /// Directory of seed articles (`*.txt`).
    #[arg(long, default_value = "corpus")]
    seed_corpus: PathBuf,
}

/// Articles per subdirectory.
const PER_DIR: usize = 1000;
/// Size bounds of one article, in bytes.
const MIN_BYTES: usize = 2000;
const MAX_BYTES: usize = 6000;

/// splitmix64: tiny, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 >= 1.0 - p
    }
    fn pick<'a, T: ?Sized>(&mut self, items: &'a [&'a T]) -> &'a T {
        items[self.below(items.len())]
    }
}

/// What the seed corpus provides.
struct Seeds {
    headlines: Vec<String>,
    /// Paragraphs of reporting (long, ending in punctuation).
    prose: Vec<String>,
    /// Page furniture: short lines, prompts, navigation.
    furniture: Vec<String>,
    /// Quoted passages, without their quote marks.
    quotes: Vec<String>,
}

fn read_seeds(dir: &Path) -> Result<Seeds, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read seed corpus `{}`: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.txt seed articles in `{}`", dir.display()));
    }
    let mut seeds = Seeds {
        headlines: Vec::new(),
        prose: Vec::new(),
        furniture: Vec::new(),
        quotes: Vec::new(),
    };
    for file in &files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read `{}`: {e}", file.display()))?;
        let text = text.replace("\r\n", "\n");
        let mut headline = false;
        for (n, para) in text.split("\n\n").enumerate() {
            let para = para.trim();
            if para.is_empty() {
                continue;
            }
            let is_prose = para.len() >= 80
                && para.ends_with(['.', '"', '”', '\'', '’'])
                && !para.contains('\n');
            if is_prose {
                extract_quotes(para, &mut seeds.quotes);
                seeds.prose.push(para.to_owned());
            } else {
                if n < 4
                    && !headline
                    && para.len() > 30
                    && !para.contains('\n')
                    && !para.contains(|c: char| c.is_ascii_digit())
                {
                    seeds.headlines.push(para.to_owned());
                    headline = true;
                }
                seeds.furniture.push(para.to_owned());
            }
        }
    }
    if seeds.prose.is_empty() || seeds.furniture.is_empty() {
        return Err("the seed corpus has too little text".into());
    }
    if seeds.headlines.is_empty() {
        seeds
            .headlines
            .push("Russia fired North Korean missiles at Ukraine".into());
    }
    if seeds.quotes.is_empty() {
        seeds
            .quotes
            .push("This is a significant and concerning escalation".into());
    }
    Ok(seeds)
}

/// Passages between matching double quotes (straight or curly), 20–300 bytes.
fn extract_quotes(para: &str, out: &mut Vec<String>) {
    for (open, close) in [('"', '"'), ('“', '”')] {
        let mut rest = para;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let quote = after[..end].trim().trim_end_matches([',', '.']);
            if (20..=300).contains(&quote.len()) {
                out.push(quote.to_owned());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
}

const DATES_DEC30: &[&str] = &[
    "Dec. 30",
    "December 30",
    "30 December",
    "Saturday, Dec. 30",
    "Dec. 30, 2023",
    "December 30, 2023",
    "2023-12-30",
    "last Saturday",
];
const DATES_JAN2: &[&str] = &[
    "Jan. 2",
    "January 2",
    "2 January",
    "Tuesday",
    "Tuesday, Jan. 2, 2024",
    "January 2, 2024",
    "Jan. 2, 2024",
    "2024-01-02",
];
const WHEN: &[&str] = &[
    "on Tuesday",
    "on Tuesday morning",
    "late Thursday",
    "on Thursday",
    "overnight",
    "last week",
    "yesterday",
    "on Dec. 30",
    "on December 30",
    "on January 2",
    "on Jan. 2",
    "on 2 January",
    "on Saturday, Dec. 30, 2023",
    "on Wednesday, Jan. 3",
    "earlier this week",
];
const LAUNCHED: &[&str] = &[
    "nearly 30",
    "almost 30",
    "about 30",
    "around 29",
    "some 30",
    "28",
];
const DOWNED: &[&str] = &["21", "twenty-one", "at least 20", "most", "21 of them"];
const CONTAINERS: &[&str] = &[
    "more than 1,000",
    "over 1,000",
    "at least 1,000",
    "more than a thousand",
    "about 1,000",
];
const CRIMEA_DRONES: &[&str] = &["36", "thirty-six", "three dozen", "dozens of"];
const RANGES: &[&str] = &[
    "around 900 kilometres (550 miles)",
    "about 900 km (560 miles)",
    "roughly 900 kilometers",
    "some 900 km",
    "up to 900 kilometres (559 miles)",
    "around 550 miles (900 km)",
];
const CASUALTIES: &[&str] = &[
    "at least five people dead and at least 130 injured",
    "four people killed and 92 injured",
    "five dead and more than 100 wounded",
    "at least four dead and dozens injured",
];
const SPEAKERS: &[&str] = &[
    "John Kirby",
    "National Security Council spokesman John Kirby",
    "Kirby",
    "Ukraine's air force spokesman Yuriy Ignat",
    "President Volodymyr Zelenskyy",
    "a senior U.S. official",
    "Russia's defence ministry",
    "a White House spokesperson",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "said in a statement",
    "wrote on X",
];
const FOUR_REGIONS: &[&str] = &[
    "Zaporizhzhia",
    "Kherson",
    "Donetsk",
    "Luhansk",
    "the Zaporizhzhia region",
];
const SOURCES: &[&str] = &[
    "AFP",
    "Reuters via INQUIRER.net",
    "The Moscow Times",
    "Fox News via a syndication site",
    "The Associated Press",
];
const PUBLISHED: &[&str] = &[
    "2024-01-03",
    "2024-01-04",
    "2024-01-05",
    "2024-01-06",
    "2024-01-07",
    "2024-01-08",
];

/// Replaces each seed mention of a date or number with a random variant.
fn vary(rng: &mut Rng, para: &str) -> String {
    let mut s = para.to_owned();
    let swaps: [(&[&str], &[&str]); 6] = [
        (&["December 30", "Dec. 30"], DATES_DEC30),
        (&["January 2", "Jan. 2"], DATES_JAN2),
        (&["nearly 30"], LAUNCHED),
        (&["more than 1,000"], CONTAINERS),
        (
            &["36 drones"],
            &["36 drones", "thirty-six drones", "dozens of drones"],
        ),
        (
            &["on Tuesday"],
            &[
                "on Tuesday",
                "on Jan. 2",
                "on January 2",
                "overnight on Tuesday",
            ],
        ),
    ];
    for (needles, variants) in swaps {
        for needle in needles {
            if s.contains(needle) && rng.chance(0.7) {
                s = s.replace(needle, rng.pick(variants));
            }
        }
    }
    s
}

/// Wraps a quotation in one of the quoting styles of the seed corpus.
fn quoted(rng: &mut Rng, text: &str) -> String {
    match rng.below(3) {
        0 => format!("\"{text}\""),
        1 => format!("“{text}”"),
        _ => format!("'{text}'"),
    }
}

/// A paragraph written from templates with varied dates, numbers and quotes.
fn synthesized(rng: &mut Rng, seeds: &Seeds) -> String {
    let mut para = template(rng, seeds);
    if let Some(first) = para.get(..1)
        && first != first.to_uppercase()
    {
        para.replace_range(..1, &first.to_uppercase());
    }
    para
}

fn template(rng: &mut Rng, seeds: &Seeds) -> String {
    let speaker = rng.pick(SPEAKERS);
    let verb = rng.pick(VERBS);
    let when = rng.pick(WHEN);
    match rng.below(9) {
        0 => format!(
            "Russia attacked Ukraine with {} Iranian-designed drones {when}, and {} were shot down, {speaker} {verb}.",
            rng.pick(LAUNCHED),
            rng.pick(DOWNED)
        ),
        1 => {
            let q = &seeds.quotes[rng.below(seeds.quotes.len())];
            format!("{} {speaker} {verb} {when}.", quoted(rng, &format!("{q},")))
        }
        2 => format!(
            "The missiles, with ranges of {}, were first fired on {} and again in a mass attack on {}, {speaker} {verb}.",
            rng.pick(RANGES),
            rng.pick(DATES_DEC30),
            rng.pick(DATES_JAN2)
        ),
        3 => format!(
            "North Korea delivered {} containers of military equipment and munitions to Russia, according to {speaker}.",
            rng.pick(CONTAINERS)
        ),
        4 => format!(
            "Russian air defences shot down {} drones over Crimea {when}, the peninsula Moscow annexed in 2014, {speaker} {verb}.",
            rng.pick(CRIMEA_DRONES)
        ),
        5 => format!(
            "{}, one of four regions that Moscow claimed to annex in 2022, was hit again {when}.",
            rng.pick(FOUR_REGIONS)
        ),
        6 => format!(
            "The strikes {when} left {}, officials said. The toll has since been updated.",
            rng.pick(CASUALTIES)
        ),
        7 => format!("Asked about the briefing {when}, {speaker} said: {}", {
            let q = &seeds.quotes[rng.below(seeds.quotes.len())];
            quoted(rng, &format!("{q}."))
        }),
        _ => format!(
            "Kyiv said {when} it had yet to confirm the claims. {speaker} {verb} that experts would study the wreckage of the missile that landed in an open field on {}.",
            rng.pick(DATES_DEC30)
        ),
    }
}

/// A paragraph with a known error in it, or furniture that must be flagged.
fn planted(rng: &mut Rng, seeds: &Seeds, body: &[String]) -> Vec<String> {
    match rng.below(6) {
        0 => vec![format!(
            "It is one of four regions that the Kremlin claimed to have annexed in {} but still does not control entirely.",
            rng.pick(&["2020", "2021", "2023", "2019"])
        )],
        1 => vec![format!(
            "Russian forces shot down 36 drones over the peninsula annexed in {}.",
            rng.pick(&["2015", "2013", "2022"])
        )],
        2 => vec![
            rng.pick(&["Advertisement", "ADVERTISEMENT", "Article continues after this advertisement", "- Advertisement -"])
                .to_owned(),
        ],
        3 => {
            // Doubled boilerplate: the same furniture block twice in a row.
            let f = seeds.furniture[rng.below(seeds.furniture.len())].clone();
            vec![f.clone(), f]
        }
        4 => vec![
            "Our weekly newsletter contains a hand-picked selection of news, features, analysiss and more."
                .to_owned(),
        ],
        _ => match body.last() {
            // A duplicated paragraph, as scrapers produce.
            Some(last) => vec![last.clone()],
            None => vec!["Skip to content".to_owned()],
        },
    }
}

/// One article and its manifest entry.
struct Article {
    relative: String,
    text: String,
    published: &'static str,
    source: &'static str,
}

fn article(seed: u64, index: usize, seeds: &Seeds) -> Article {
    let mut rng = Rng::new(seed, index as u64);
    let markdown = rng.chance(0.1);
    let published = rng.pick(PUBLISHED);
    let source = rng.pick(SOURCES);
    let target = rng.range(MIN_BYTES + 300, MAX_BYTES - 800);
    let headline = &seeds.headlines[rng.below(seeds.headlines.len())];

    let mut body: Vec<String> = Vec::new();
    let mut len = headline.len();
    while len < target {
        let roll = rng.below(100);
        let mut paras = if roll < 55 {
            let para = &seeds.prose[rng.below(seeds.prose.len())];
            vec![vary(&mut rng, para)]
        } else if roll < 85 {
            vec![synthesized(&mut rng, seeds)]
        } else if roll < 94 {
            vec![seeds.furniture[rng.below(seeds.furniture.len())].clone()]
        } else {
            planted(&mut rng, seeds, &body)
        };
        if markdown && rng.chance(0.15) {
            paras.push(format!(
                "See the [full briefing](https://www.whitehouse.gov/briefing-room/{}/) and the `{}` transcript.",
                published,
                rng.pick(&["press-briefing", "kirby_2024-01-04.txt"])
            ));
        }
        let added: usize = paras.iter().map(|p| p.len() + 2).sum();
        if len + added > MAX_BYTES && len >= MIN_BYTES {
            break;
        }
        len += added;
        body.extend(paras);
    }

    let mut text = String::with_capacity(len + 200);
    if markdown {
        let _ = write!(
            text,
            "---\ntitle: \"{}\"\ndate: {published}\nsource: {source}\n---\n\n# ",
            headline.replace('"', "'")
        );
    }
    text.push_str(headline);
    text.push_str("\n\n");
    for para in &body {
        text.push_str(para);
        text.push_str("\n\n");
    }
    text.pop();
    let ext = if markdown { "md" } else { "txt" };
    Article {
        relative: format!("d{:04}/a{index:07}.{ext}", index / PER_DIR),
        text,
        published,
        source,
    }
}

fn run(args: &Args) -> Result<(), String> {
    let seeds = read_seeds(&args.seed_corpus)?;
    let out = &args.out;
    if out.exists()
        && std::fs::read_dir(out)
            .map_err(|e| format!("cannot read `{}`: {e}", out.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "`{}` is not empty; remove it first (the generator never deletes files)",
            out.display()
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create `{}`: {e}", out.display()))?;
    let budget = (args.size_mb * 1e6) as usize;
    let mut manifest = String::from(
        "# Generated by `cargo run --release --example gen-corpus`; publication dates of every article.\n",
    );
    let mut total = 0usize;
    let mut index = 0usize;
    loop {
        let done = match args.articles {
            Some(n) => index >= n,
            None => total >= budget,
        };
        if done {
            break;
        }
        let a = article(args.seed, index, &seeds);
        if index.is_multiple_of(PER_DIR) {
            let dir = out.join(format!("d{:04}", index / PER_DIR));
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
        }
        let path = out.join(&a.relative);
        std::fs::write(&path, &a.text)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
        let _ = write!(
            manifest,
            "\n[[article]]\npath = \"{}\"\npublished = {}\nsource = \"{}\"\n",
            a.relative, a.published, a.source
        );
        total += a.text.len();
        index += 1;
    }
    let path = out.join("corpus.toml");
    std::fs::write(&path, manifest)
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    println!(
        "wrote {index} articles, {total} bytes ({:.1} MB) in {} directories to {}",
        total as f64 / 1e6,
        index.div_ceil(PER_DIR),
        out.display()
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

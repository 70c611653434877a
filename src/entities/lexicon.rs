//! Hand-written word lists the recognizer's rules need: titles and honorifics (kept apart from
//! the names they precede), organization head words, name particles and the capitalized
//! function words that never start a name. No names of people, places or organizations here:
//! those come from rules (people) and the generated gazetteer (places, organizations).

use super::Gender;

/// A title or honorific, as capitalized words (`Under Secretary of State`), with the gender
/// it tells and whether it is a role worth keeping on the entity (honorifics are not).
pub(crate) struct Title {
    pub words: &'static [&'static str],
    pub gender: Option<Gender>,
    pub role: bool,
}

const fn title(words: &'static [&'static str]) -> Title {
    Title { words, gender: None, role: true }
}
const fn honorific(words: &'static [&'static str], gender: Option<Gender>) -> Title {
    Title { words, gender, role: false }
}
const fn gendered(words: &'static [&'static str], gender: Gender) -> Title {
    Title { words, gender: Some(gender), role: true }
}

use Gender::{Female, Male};

/// Titles, longest first within a shared first word so the longest match wins.
pub(crate) const TITLES: &[Title] = &[
    honorific(&["Mr."], Some(Male)),
    honorific(&["Mr"], Some(Male)),
    honorific(&["Messrs."], Some(Male)),
    honorific(&["Mrs."], Some(Female)),
    honorific(&["Mrs"], Some(Female)),
    honorific(&["Ms."], Some(Female)),
    honorific(&["Ms"], Some(Female)),
    honorific(&["Miss"], Some(Female)),
    honorific(&["Mme."], Some(Female)),
    honorific(&["Dr."], None),
    honorific(&["Prof."], None),
    honorific(&["Professor"], None),
    honorific(&["Rev."], None),
    honorific(&["Sir"], Some(Male)),
    honorific(&["Dame"], Some(Female)),
    gendered(&["Lord"], Male),
    gendered(&["Lady"], Female),
    gendered(&["First", "Lady"], Female),
    gendered(&["King"], Male),
    gendered(&["Queen"], Female),
    gendered(&["Prince"], Male),
    gendered(&["Princess"], Female),
    gendered(&["Pope"], Male),
    gendered(&["Sheikh"], Male),
    title(&["Under", "Secretary", "of", "State"]),
    title(&["Deputy", "Secretary", "of", "State"]),
    title(&["Assistant", "Secretary", "of", "State"]),
    title(&["Deputy", "Prime", "Minister"]),
    title(&["Deputy", "Foreign", "Minister"]),
    title(&["Deputy", "Defense", "Minister"]),
    title(&["Secretary", "of", "State"]),
    title(&["Secretary", "of", "Defense"]),
    title(&["Secretary", "of", "the", "Treasury"]),
    title(&["Secretary", "General"]),
    title(&["Secretary-General"]),
    title(&["Prime", "Minister"]),
    title(&["Foreign", "Minister"]),
    title(&["Defense", "Minister"]),
    title(&["Defence", "Minister"]),
    title(&["Finance", "Minister"]),
    title(&["Interior", "Minister"]),
    title(&["Foreign", "Secretary"]),
    title(&["Home", "Secretary"]),
    title(&["Defense", "Secretary"]),
    title(&["Defence", "Secretary"]),
    title(&["Treasury", "Secretary"]),
    title(&["Energy", "Secretary"]),
    title(&["Press", "Secretary"]),
    title(&["Chief", "Executive"]),
    title(&["Chief", "Justice"]),
    title(&["Attorney", "General"]),
    title(&["National", "Security", "Adviser"]),
    title(&["Vice", "President"]),
    title(&["Vice", "Adm."]),
    title(&["Vice", "Admiral"]),
    title(&["Rear", "Adm."]),
    title(&["Rear", "Admiral"]),
    title(&["Brig.", "Gen."]),
    title(&["Lt.", "Gen."]),
    title(&["Maj.", "Gen."]),
    title(&["Lt.", "Col."]),
    title(&["President-elect"]),
    title(&["President"]),
    title(&["Vice", "Premier"]),
    title(&["Premier"]),
    title(&["Chancellor"]),
    title(&["Secretary"]),
    title(&["Minister"]),
    title(&["Ambassador"]),
    title(&["Amb."]),
    title(&["Envoy"]),
    title(&["Senator"]),
    title(&["Sen."]),
    title(&["Representative"]),
    title(&["Rep."]),
    title(&["Congressman"]),
    title(&["Congresswoman"]),
    title(&["Governor"]),
    title(&["Gov."]),
    title(&["Mayor"]),
    title(&["Speaker"]),
    title(&["Leader"]),
    title(&["Chairman"]),
    title(&["Chairwoman"]),
    title(&["Commissioner"]),
    title(&["Director"]),
    title(&["Judge"]),
    title(&["Justice"]),
    title(&["General"]),
    title(&["Gen."]),
    title(&["Lt."]),
    title(&["Col."]),
    title(&["Colonel"]),
    title(&["Maj."]),
    title(&["Major"]),
    title(&["Capt."]),
    title(&["Captain"]),
    title(&["Sgt."]),
    title(&["Sergeant"]),
    title(&["Adm."]),
    title(&["Admiral"]),
    title(&["Lieutenant"]),
    title(&["Commander"]),
    title(&["Ayatollah"]),
    title(&["Archbishop"]),
    title(&["Bishop"]),
    title(&["Cardinal"]),
];

/// Lowercase role nouns that tell a person's gender when they stand right before the name
/// ("spokeswoman Jane Roe") or in an apposition.
pub(crate) const GENDERED_NOUNS: &[(&str, Gender)] = &[
    ("spokeswoman", Female),
    ("spokesman", Male),
    ("chairwoman", Female),
    ("congresswoman", Female),
    ("congressman", Male),
    ("businesswoman", Female),
    ("businessman", Male),
    ("actress", Female),
    ("widow", Female),
    ("widower", Male),
    ("wife", Female),
    ("husband", Male),
    ("mother", Female),
    ("father", Male),
    ("daughter", Female),
    ("son", Male),
    ("sister", Female),
    ("brother", Male),
];

/// Last words that make a capitalized sequence an organization (`… Agency`, `… Times`).
pub(crate) const ORGANIZATION_HEADS: &[&str] = &[
    "Agency", "Ministry", "Party", "Times", "Post", "Council", "Committee", "Commission",
    "Department", "Office", "Bureau", "Service", "Services", "Institute", "Institution",
    "University", "College", "School", "Academy", "Foundation", "Fund", "Bank", "Association",
    "Organization", "Organisation", "Union", "League", "Federation", "Alliance", "Coalition",
    "Movement", "Front", "Army", "Navy", "Force", "Forces", "Guard", "Police", "Court",
    "Tribunal", "Parliament", "Assembly", "Senate", "Congress", "Cabinet", "Administration",
    "Authority", "Corporation", "Corp.", "Company", "Co.", "Inc.", "Ltd.", "Group", "Holdings",
    "Industries", "Airlines", "Airways", "Journal", "News", "Herald", "Tribune", "Telegraph",
    "Gazette", "Monitor", "Chronicle", "Review", "Magazine", "Press", "Network", "Broadcasting",
    "Radio", "Television", "TV", "Center", "Centre", "Club", "Society", "Board", "Exchange",
    "Reserve", "Church", "Brigade", "Brigades", "Directorate", "Secretariat", "Watch",
    "Fleet", "Command", "Corps", "Division", "Regiment", "Battalion", "International", "Institutes", "Centers", "Securities", "Capital", "Partners", "Investments", "Motors", "Energy",
    "Pharmaceuticals", "Systems", "Technologies", "Labs", "Media", "Entertainment", "Studios",
    "Globe", "Times-Dispatch", "Observer", "Independent", "Daily", "Sun", "Mail", "Express",
];

/// Last words that make a capitalized sequence a place (`Silicon Valley`, `Hudson River`).
pub(crate) const PLACE_HEADS: &[&str] = &[
    "River", "Valley", "Mountains", "Mountain", "Sea", "Ocean", "Island", "Islands", "Peninsula",
    "Strait", "Gulf", "Lake", "Desert", "Coast", "County", "Province", "Region", "Heights", "Bay",
    "Basin", "Plateau", "Canal", "Republic", "Kingdom", "Emirates", "Territory", "Territories",
];

/// Last words of capitalized sequences that are neither people, places nor organizations in
/// news gold standards: laws, treaties, events, awards, buildings, products.
pub(crate) const OTHER_HEADS: &[&str] = &[
    "Act", "Bill", "Treaty", "Accord", "Accords", "Agreement", "Convention", "Protocol", "Plan",
    "Doctrine", "War", "Revolution", "Crisis", "Summit", "Olympics", "Games", "Cup", "Championship",
    "Prize", "Award", "Awards", "Day", "Week", "Festival", "Airport", "Bridge", "Hall", "Hotel",
    "Stadium", "Arena", "Tower", "Building", "Palace", "Square", "Street", "Avenue", "Road",
    "Highway", "Station", "Hospital", "Prison", "Base", "Program", "Programme", "Project",
    "Initiative", "Amendment", "Constitution", "Declaration", "Report", "Index",
];

/// Lowercase role nouns kept as a person's role when they stand right before the name
/// ("spokeswoman Jane Roe", "press secretary John Doe").
pub(crate) const ROLE_NOUNS: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "press secretary", "adviser", "advisor", "aide",
    "envoy", "negotiator", "lawyer", "attorney", "prosecutor", "economist", "analyst", "coach",
    "chief executive", "executive", "founder", "chairman", "chairwoman", "lawmaker", "legislator",
    "activist", "commander", "official", "diplomat", "correspondent", "columnist", "reporter",
];

/// Lowercase words right after a capitalized name that make it an organization
/// ("the Tass news agency").
pub(crate) const ORGANIZATION_CUES: &[&str] = &[
    "agency", "newspaper", "daily", "weekly", "broadcaster", "network", "company", "group",
    "party", "channel", "magazine", "bank", "firm", "airline", "ministry", "militia", "journal",
    "website", "startup", "automaker", "retailer", "insurer", "carrier",
];

/// Lowercase nouns after a lone capitalized word that make it the person leading them
/// ("the Hartley administration").
pub(crate) const LED_BY_PERSON: &[&str] = &["administration", "government", "campaign", "presidency", "cabinet", "era"];

/// Verbs of saying and thinking that follow a subject name ("Kozlov said").
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "added", "wrote", "writes", "argued", "argues", "asked", "replied",
    "noted", "insisted", "stated", "explained", "declined", "denied", "warned", "thinks",
    "believes", "announced", "confirmed", "tweeted", "has", "had", "is", "was", "will", "would",
];

/// Lowercase words right before an unknown capitalized word that make it a place.
pub(crate) const PLACE_CUES: &[&str] = &["in", "near", "outside", "across", "throughout", "inside"];

/// Particles inside names: `Charles de Gaulle`, `Ludwig van Beethoven`, `Osama bin Laden`.
pub(crate) const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "da", "di", "dos",
    "du", "la", "le", "ter", "zu",
];

/// Capitalized words that never begin or make up a name, wherever they stand: articles,
/// pronouns, conjunctions, sentence adverbs, days and months are handled apart.
pub(crate) const NEVER_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "It's", "I", "I'm", "I'd",
    "I'll", "I've", "He", "She", "We", "They", "You", "His", "Her", "Our", "Their", "Your", "My",
    "Me", "Him", "Us", "Them", "Who", "What", "When", "Where", "Why", "How", "Which", "Whose",
    "If", "But", "And", "Or", "Nor", "So", "Yet", "For", "Of", "In", "On", "At", "To", "From",
    "By", "With", "Without", "As", "After", "Before", "Since", "While", "Although", "Though",
    "Because", "Until", "Unless", "Despite", "During", "Under", "Over", "About", "Against",
    "Among", "Between", "Into", "Through", "Also", "However", "Meanwhile", "Still", "Then",
    "Now", "Here", "There", "Today", "Yesterday", "Tomorrow", "Yes", "No", "Not", "Some",
    "Many", "Most", "More", "Much", "All", "Any", "Each", "Every", "Everyone", "Everybody",
    "Everything", "Nobody", "Nothing", "Someone", "Somebody", "Something", "Anyone", "One",
    "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First", "Second",
    "Third", "Last", "Next", "Other", "Another", "Such", "Both", "Either", "Neither", "Few",
    "Several", "According", "Asked", "Said", "Says", "Like", "Just", "Even", "Only", "Indeed",
    "Instead", "Perhaps", "Maybe", "Well", "Oh", "Please", "Thank", "Thanks", "Sorry", "Dear",
    "Mr.", "Ms.", "Mrs.", "Update", "UPDATE", "Editor", "Note", "Read", "Share", "Comments",
    "Comment", "Advertisement", "COVID", "AIDS", "HIV", "DNA", "LGBT", "LGBTQ", "CFO", "ID", "Photo", "Video", "Click", "Follow", "Subscribe", "Sign",
    "Related", "Sources", "Source", "Officials", "Republicans", "Republican", "Democrats",
    "Democrat", "Christian", "Christians", "Muslim", "Muslims", "Jewish", "Jews", "Catholic",
    "Catholics", "Protestant", "Sunni", "Shiite", "Western", "Eastern", "Northern", "Southern",
    "God", "Internet", "OK", "AM", "PM", "TV", "CEO", "GDP", "RSS", "FAQ", "PDF", "URL",
];

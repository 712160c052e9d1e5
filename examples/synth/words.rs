//! Word lists for synthetic timelines: transliterated Arabic and Persian names,
//! places, publishers and phrases. Canonical spellings are ASCII; the alias rules in
//! `names.rs` derive the variant spellings people meet in sources.

pub const GIVEN: &[&str] = &[
    "Mustafa", "Muhammad", "Ali", "Hadi", "Qais", "Hassan", "Hussein", "Kadhim", "Jafar",
    "Qasim", "Esmail", "Hamid", "Nouri", "Ammar", "Muqtada", "Falih", "Haidar", "Abdul Aziz",
    "Abdul Latif", "Jamal", "Karim", "Adil", "Ibrahim", "Yusuf", "Khalid", "Saad", "Akram",
    "Shibl", "Laith", "Abbas", "Ahmad", "Mahmoud", "Reza", "Mehdi", "Javad", "Hossein",
    "Mohsen", "Saeed", "Majid", "Nasser", "Rahim", "Salih", "Tariq", "Walid", "Zaid",
    "Bilal", "Faris", "Ghazi", "Hamza", "Idris", "Kamal", "Mansour", "Nabil", "Omar",
    "Rashid", "Sami", "Usama", "Yasser", "Ziyad", "Qutaiba", "Dhiya", "Shakir", "Thamer",
    "Moqtada", "Raad", "Fuad", "Hisham", "Mundhir", "Adnan", "Sabah",
];

pub const FAMILY: &[&str] = &[
    "al-Kadhimi", "al-Muhandis", "al-Khazali", "Soleimani", "Qaani", "al-Amiri", "al-Sadr",
    "al-Maliki", "al-Fayyadh", "al-Hakim", "al-Abadi", "al-Sudani", "al-Zubaidi",
    "al-Kaabi", "al-Mohammedawi", "al-Halbousi", "Barzani", "Talabani", "al-Jaafari",
    "al-Husseini", "al-Tamimi", "al-Saadi", "al-Shammari", "al-Dulaimi", "al-Jubouri",
    "al-Obaidi", "al-Rubaie", "al-Araji", "al-Asadi", "al-Badri", "al-Daraji",
    "al-Fartousi", "al-Ghanimi", "al-Hashimi", "al-Issawi", "al-Janabi", "al-Karbalai",
    "al-Lami", "al-Musawi", "al-Najafi", "al-Qureishi", "al-Rikabi", "al-Sharifi",
    "al-Taie", "al-Uqaili", "al-Waeli", "al-Yasiri", "al-Zamili", "Hejazi", "Naqdi",
    "Shamkhani", "Vahidi", "Rezaei", "Qalibaf", "Larijani", "Zarif", "Mousavi",
    "Rouhani", "Jalili", "Khatami", "Bagheri", "Salami", "Hajizadeh", "Shahlai",
    "al-Muhammadawi", "al-Khafaji", "al-Hamdani", "al-Sheikhli", "al-Bayati",
    "al-Dhari", "al-Kubaisi", "al-Mutlaq", "al-Nujaifi", "al-Khanjar", "al-Qaisi",
];

/// First words of organisation names ("brigades", "league", "movement", ...).
pub const ORG_HEAD: &[&str] = &[
    "Kataib", "Saraya", "Asaib", "Harakat", "Liwa", "Firqat", "Jaysh", "Tayyar", "Hizb",
    "Majlis", "Munazzamat", "Quwat", "Tajammu", "Itilaf", "Jabhat", "Katibat",
];

/// The rest of an organisation name.
pub const ORG_CORE: &[&str] = &[
    "Hezbollah", "Ahl al-Haq", "al-Salam", "al-Nujaba", "Sayyid al-Shuhada", "al-Abbas",
    "al-Khorasani", "Imam Ali", "al-Jihad", "Ansar Allah", "Badr", "al-Fatah", "al-Hikma",
    "al-Dawa", "al-Awfiya", "Jund al-Imam", "al-Tafuf", "Ali al-Akbar", "al-Wad al-Sadiq",
    "Rabullah", "Ashab al-Kahf", "Thar Allah", "al-Mukhtar", "Qabdat al-Huda",
    "Ahl al-Kahf", "al-Ghadab", "al-Muqawama", "al-Islamiya", "al-Wataniya", "al-Nasr",
    "al-Haq", "al-Qiyam", "al-Imam al-Hussein", "Baqiyat Allah", "al-Zahra",
];

/// Suffixes that tell two organisations of the same name apart.
pub const ORG_QUALIFIER: &[&str] = &[
    "", "", "", "Brigade", "Battalion", "in Basra", "in Diyala", "in Nineveh",
    "of Karbala", "of Najaf", "Northern Command", "Southern Front", "Youth Wing",
    "Political Bureau", "Media Office", "Special Groups", "Reform Faction",
];

pub const STATES: &[&str] = &[
    "Iraq", "Iran", "Syria", "Lebanon", "Yemen", "Saudi Arabia", "Kuwait", "Turkey",
    "Jordan", "Qatar", "Bahrain", "United Arab Emirates", "Oman", "Egypt", "Israel",
    "United States", "United Kingdom", "France", "Russia", "China",
];

pub const GOV_BODY: &[&str] = &[
    "Ministry of Interior", "Ministry of Defence", "Ministry of Foreign Affairs",
    "Counter-Terrorism Service", "National Security Council", "Council of Ministers",
    "Supreme Judicial Council", "Council of Representatives", "Intelligence Service",
    "Popular Mobilization Commission", "Office of the Prime Minister", "Joint Operations Command",
    "Independent High Electoral Commission", "Central Bank", "Provincial Council",
];

pub const MEDIA: &[&str] = &[
    "Al-Sumaria", "Al-Ahad", "Al-Nujaba TV", "Rudaw", "Kurdistan24", "Shafaq News",
    "Baghdad Today", "Al-Mayadeen", "Al-Manar", "Tasnim", "Fars News", "Al-Iraqiya",
    "Dijlah TV", "UTV", "Al-Rasheed", "Sabereen News", "Al-Etejah", "Al-Forat",
];

pub const MEDIA_FORM: &[&str] = &["TV", "News Agency", "Channel", "Network", "Radio", "Telegram channel"];

pub const THINK_TANK_FORM: &[&str] = &[
    "Center for Strategic Studies", "Institute for Policy", "Forum", "Research Center",
    "Center for Political Studies", "Foundation",
];

pub const INTL_ORG: &[&str] = &[
    "United Nations Assistance Mission", "International Committee of the Red Cross",
    "Human Rights Watch", "Amnesty International", "Organisation of Islamic Cooperation",
    "Arab League", "European Union Advisory Mission", "NATO Mission", "World Food Programme",
    "International Crisis Group", "Global Coalition",
];

pub const CITIES: &[&str] = &[
    "Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Karbala", "Kirkuk", "Sulaymaniyah",
    "Fallujah", "Ramadi", "Tikrit", "Samarra", "Hilla", "Nasiriyah", "Amarah", "Kut",
    "Diwaniyah", "Baqubah", "Duhok", "Jurf al-Sakhar", "Al-Qaim", "Abu Kamal", "Tehran",
    "Qom", "Mashhad", "Ahvaz", "Damascus", "Deir ez-Zor", "Beirut", "Sanaa", "Hodeidah",
];

pub const DISTRICTS: &[&str] = &[
    "Green Zone", "Karrada", "Sadr City", "Adhamiya", "Kadhimiya", "Mansour", "Jadiriya",
    "Palestine Street", "the airport road", "the old city", "the provincial council building",
    "a checkpoint on the highway", "the university district", "the central market",
    "a military base", "the border crossing", "the river bank", "the industrial zone",
];

pub const TAGS: &[&str] = &[
    "attack", "drones", "rockets", "ied", "assassination", "arrest", "elections", "protest",
    "sanctions", "statement", "negotiation", "ceasefire", "kidnapping", "funeral", "parade",
    "appointment", "resignation", "court", "economy", "oil", "border", "militias", "politics",
    "diplomacy", "media",
];

pub const ROLES: &[&str] = &[
    "target", "perpetrator", "suspected", "victim", "condemned", "ordered", "participant",
    "commented", "organizer", "winner", "loser",
];

pub const PUBLISHERS: &[&str] = &[
    "Arab News", "Al-Monitor", "Rudaw", "Shafaq News", "Reuters", "Associated Press",
    "Middle East Eye", "War on the Rocks", "Washington Institute", "Atlantic Council",
    "The National", "Kurdistan24", "Al Jazeera", "BBC Persian", "Iran International",
    "Tasnim", "Fars News", "American Defense News", "Carnegie Endowment", "Chatham House",
    "New Lines", "The Arab Weekly", "Asharq Al-Awsat", "Baghdad Post", "Amwaj Media",
];

pub const AUTHORS: &[&str] = &[
    "Kyle Orton", "Michael Knights", "Hamdi Malik", "Renad Mansour", "Lahib Higel",
    "Tamer Badawi", "Sajad Jiyad", "Ranj Alaaldin", "Fanar Haddad", "Harith Hasan",
    "Maria Fantappie", "Phillip Smyth", "Crispin Smith", "Alex Almeida", "Mina Al-Oraibi",
    "Suadad al-Salhy", "Ahmed Rasheed", "John Davison", "Samya Kullab", "Qassim Abdul-Zahra",
];

/// Event templates: (title after the lead actor, keyword for the id, tags).
pub const EVENT_KINDS: &[(&str, &str, &[&str])] = &[
    ("claims a drone attack on {place}", "drone-attack", &["attack", "drones"]),
    ("fires rockets at {place}", "rocket-attack", &["attack", "rockets"]),
    ("is accused of a roadside bomb near {city}", "roadside-bomb", &["attack", "ied"]),
    ("arrests members of {other}", "arrests", &["arrest", "militias"]),
    ("wins seats in the {city} provincial elections", "elections", &["elections", "politics"]),
    ("issues a statement on {other}", "statement", &["statement"]),
    ("leads protests in {city}", "protests", &["protest", "politics"]),
    ("survives an assassination attempt in {city}", "assassination-attempt", &["assassination", "attack"]),
    ("meets {other} in {city}", "meeting", &["diplomacy", "politics"]),
    ("announces its founding in {city}", "founding", &["militias", "politics"]),
    ("is sanctioned over ties to {other}", "sanctions", &["sanctions", "economy"]),
    ("agrees a ceasefire with {other}", "ceasefire", &["ceasefire", "negotiation"]),
    ("kidnaps a contractor in {city}", "kidnapping", &["kidnapping", "attack"]),
    ("holds a parade in {city}", "parade", &["parade", "militias"]),
    ("appoints a new commander for {other}", "appointment", &["appointment", "militias"]),
    ("resigns after pressure from {other}", "resignation", &["resignation", "politics"]),
    ("is tried in a {city} court", "trial", &["court"]),
    ("seizes an oil convoy near {city}", "oil-convoy", &["oil", "border", "economy"]),
    ("closes the border crossing at {city}", "border-closure", &["border"]),
    ("launches a television channel in {city}", "channel-launch", &["media"]),
];

pub const SUMMARY_SENTENCES: &[&str] = &[
    "{a} was named by several outlets within hours of the incident.",
    "Local officials in {city} gave differing accounts of what happened at {place}.",
    "The statement, released on a Telegram channel linked to {a}, blamed {b}.",
    "{b} denied any involvement and called for an investigation.",
    "Security forces closed the roads around {place} for most of the day.",
    "Analysts read the move as a message to the government in Baghdad.",
    "No group claimed responsibility at first; {a} did so two days later.",
    "The number of casualties was reported differently by each source.",
    "Earlier that month {b} had warned of retaliation for the arrest of its members.",
    "Witnesses in {city} described hearing three explosions in quick succession.",
    "The prime minister's office said the perpetrators would be held to account.",
    "Footage shared online appeared to show the aftermath near {place}.",
    "The episode followed weeks of tension between {a} and {b}.",
    "Parliamentary blocs aligned with {b} boycotted the session that followed.",
    "A spokesman for {a} said the group acted within the law.",
];

pub const QUOTE_SENTENCES: &[&str] = &[
    "according to two officials in {city}, the attack was planned weeks in advance",
    "{a} had been moving fighters and equipment towards {place} since the spring",
    "the group said in a statement that it would not allow foreign forces to remain",
    "three quadcopter drones armed with explosives detonated inside the grounds",
    "a security source said {b} had received the order directly from its leadership",
    "the ministry said six guards were injured and taken to hospital in {city}",
    "we were not informed of any operation in {place} that night",
    "officials close to {a} dismissed the reports as propaganda",
    "the commander was seen in {city} only days before the strike",
    "the vote was delayed twice amid disputes over the electoral law",
    "residents said the checkpoint near {place} had been abandoned the previous evening",
    "the organisation has repeatedly denied receiving funding from abroad",
];

pub const DISPUTE_QUESTIONS: &[(&str, &[&str])] = &[
    ("How many people were injured?", &["six", "seven", "more than ten", "none"]),
    ("Who carried out the attack?", &["the group named in the title", "a splinter faction", "unknown gunmen"]),
    ("When did it happen?", &["the night before", "that morning", "a week earlier"]),
    ("How many drones were used?", &["one", "two", "three"]),
    ("Was the government informed in advance?", &["yes", "no"]),
];

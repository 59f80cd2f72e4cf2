namespace NetworkAnalysis.Core.Generation;

public sealed partial class CorpusGenerator
{
    private static readonly string[] Sites = ["sitea.example", "siteb.example"];

    private static readonly string[] Domains = ["example.com", "example.net", "example.org", "mail.example.com"];

    private static readonly string[] AccountSuffixes = ["_vip", "x", "_bby", "love", "_real", "kiss"];

    private static readonly string[] FirstNames =
    [
        "Mia", "Ava", "Lola", "Nina", "Zoe", "Ruby", "Jade", "Luna", "Gigi", "Coco", "Rosa", "Dana", "Kiki", "Lexi",
        "Tina", "Vera", "Ivy", "Bella", "Sasha", "Nikki", "Roxy", "Amber", "Candy", "Destiny", "Faith", "Jasmine",
    ];

    private static readonly string[] Surnames = ["Stone", "Rivers", "Hart", "Cole", "Vance", "Reyes", "Marsh", "Quinn"];

    private static readonly string[] Adjectives = ["sweet", "sexy", "petite", "exotic", "classy", "playful", "discreet"];

    private static readonly string[][] SpelledDigits =
    [
        ["zero", "oh", "cero"], ["one", "uno"], ["two", "dos"], ["three", "tres"], ["four", "cuatro"],
        ["five", "cinco"], ["six", "seis"], ["seven", "siete"], ["eight", "ocho"], ["nine", "nueve"],
    ];

    private static readonly string[] Separators = ["~", "*", " . ", "--", " "];

    private static readonly string[] FillerWords =
    [
        "amber", "velvet", "quiet", "harbor", "lantern", "silver", "meadow", "cedar", "breeze", "golden", "marble", "willow",
        "evening", "gentle", "crystal", "orchid", "river", "satin", "canyon", "coral", "ember", "frost", "garden", "ivory",
        "jasmine", "lagoon", "maple", "midnight", "nectar", "ocean", "pearl", "prairie", "raven", "saffron", "shadow", "sierra",
        "spruce", "summit", "thistle", "tulip", "valley", "violet", "wander", "whisper", "aurora", "bamboo", "cinnamon", "dune",
        "fable", "glimmer", "hazel", "indigo", "juniper", "kestrel", "linen", "mosaic", "nimbus", "opal", "pebble", "quartz",
        "rosewood", "sable", "topaz", "umber", "vesper", "wren", "zephyr", "almond", "birch", "clover", "dahlia", "elm",
        "fern", "garnet", "heather", "iris", "jade", "kelp", "lilac", "moss", "nutmeg", "olive", "poppy", "rain", "sage",
        "tide", "vine", "wheat", "yarrow", "zinnia", "beacon", "cobalt", "drift", "echo", "falcon", "grove", "hollow", "isle",
    ];

    private static readonly string[] ContactLeads = ["Call", "Text", "Call or text", "Txt me", "Available at"];

    private static readonly string[] RingTitles =
    [
        "New girls in {city}!!", "{name} just arrived in {city}", "Hot {adj} {name} - new in town", "{adj} playmates visiting {city}",
    ];

    private static readonly string[] IndependentTitles =
    [
        "{name} - {adj} and independent", "Upscale {name} in {city}", "{adj} {name}, {age}", "Relax with {name}",
    ];

    private static readonly string[] ThirdPersonSentences =
    [
        "{name} is new in town and ready to play.", "My girls are {adj} and fun.", "She is {age} and very {adj}.",
        "We are visiting {city} for a few days only.", "Incall at a nice hotel near downtown.", "She will make your day.",
        "Ask for {name}.", "Young and fresh, first time here.", "Our ladies love to party.", "Girls available 24/7.",
    ];

    private static readonly string[] FirstPersonSentences =
    [
        "Hi, I'm {name}, {age}.", "I am an independent {adj} lady.", "I enjoy good company and conversation.",
        "Mature gentlemen preferred.", "Located in {city}, my own place.", "Screening required, no exceptions.",
        "Let me help you unwind.", "I'm {adj}, friendly and discreet.",
    ];

    private static readonly (string City, string Region)[] UsCities =
    [
        ("Las Vegas", "NV"), ("Phoenix", "AZ"), ("Denver", "CO"), ("Dallas", "TX"), ("Houston", "TX"), ("Atlanta", "GA"),
        ("Miami", "FL"), ("Orlando", "FL"), ("Chicago", "IL"), ("Detroit", "MI"), ("Seattle", "WA"), ("Portland", "OR"),
        ("Los Angeles", "CA"), ("San Diego", "CA"), ("Sacramento", "CA"), ("Newark", "NJ"), ("Boston", "MA"),
        ("Nashville", "TN"), ("Memphis", "TN"), ("Charlotte", "NC"), ("Baltimore", "MD"), ("Minneapolis", "MN"),
        ("Kansas City", "MO"), ("St. Louis", "MO"), ("Salt Lake City", "UT"), ("Albuquerque", "NM"),
    ];

    private static readonly (string City, string Region)[] UkCities =
    [
        ("London", "ENG"), ("Manchester", "ENG"), ("Birmingham", "ENG"), ("Leeds", "ENG"), ("Glasgow", "SCT"),
    ];
}

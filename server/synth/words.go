package synth

// The word lists names and sentences are made from. A pair is a romanized
// (English) form and the native one.

type pair struct{ en, native string }

// Korean syllables for company and place stems.
var koSyllables = []pair{
	{"Han", "한"}, {"Sam", "삼"}, {"Dae", "대"}, {"Hyun", "현"}, {"Sung", "성"}, {"Kum", "금"},
	{"Dong", "동"}, {"Seo", "서"}, {"Il", "일"}, {"Jin", "진"}, {"Kuk", "국"}, {"Hwa", "화"},
	{"Shin", "신"}, {"Young", "영"}, {"Woo", "우"}, {"Mi", "미"}, {"Bit", "빛"}, {"Na", "나"},
	{"Ra", "라"}, {"San", "산"}, {"Kang", "강"}, {"Cheon", "천"}, {"Yong", "용"}, {"Ho", "호"},
	{"Min", "민"}, {"Tae", "태"}, {"Won", "원"}, {"Kwang", "광"}, {"Bo", "보"}, {"Eun", "은"},
	{"Pyung", "평"}, {"Gyeong", "경"}, {"Nam", "남"}, {"Buk", "북"}, {"Jeong", "정"}, {"Hae", "해"},
}

// Korean industries, as company names end.
var koIndustries = []pair{
	{"Semiconductor", "반도체"}, {"Electronics", "전자"}, {"Chemical", "화학"}, {"Motors", "자동차"},
	{"Heavy Industries", "중공업"}, {"Steel", "제철"}, {"Shipbuilding", "조선"}, {"Bio", "바이오"},
	{"Telecom", "텔레콤"}, {"Energy", "에너지"}, {"Construction", "건설"}, {"Securities", "증권"},
	{"Logistics", "물류"}, {"Precision", "정밀"}, {"Materials", "소재"}, {"Display", "디스플레이"},
}

var koModifiers = []pair{{"", ""}, {"", ""}, {"", ""}, {"Global", "글로벌"}, {"Advanced", "첨단"}, {"New", "신"}, {"Korea", "코리아"}, {"Tech", "테크"}}

// Japanese stems for company and place names.
var jaStems = []pair{
	{"Yamato", "大和"}, {"Kanto", "関東"}, {"Fuji", "富士"}, {"Asahi", "朝日"}, {"Mitsuboshi", "三星"},
	{"Nippon", "日本"}, {"Tokai", "東海"}, {"Kansai", "関西"}, {"Hokuto", "北斗"}, {"Shinwa", "新和"},
	{"Daiichi", "第一"}, {"Toyo", "東洋"}, {"Sanyo", "三陽"}, {"Kyowa", "協和"}, {"Meiji", "明治"},
	{"Taisei", "大成"}, {"Chuo", "中央"}, {"Hoshino", "星野"}, {"Kitakami", "北上"}, {"Minato", "港"},
	{"Aoba", "青葉"}, {"Sakura", "桜"}, {"Tsubasa", "翼"}, {"Hikari", "光"}, {"Kiyomizu", "清水"},
	{"Takara", "宝"}, {"Izumi", "泉"}, {"Matsubara", "松原"}, {"Nishiki", "錦"}, {"Hayabusa", "隼"},
	{"Shirakawa", "白河"}, {"Okura", "大倉"}, {"Kurosawa", "黒沢"}, {"Tenryu", "天竜"}, {"Mizuho", "瑞穂"},
	{"Hanshin", "阪神"}, {"Seiwa", "清和"}, {"Kogane", "黄金"}, {"Akebono", "曙"}, {"Yotsuba", "四葉"},
}

var jaIndustries = []pair{
	{"Electric", "電機"}, {"Industries", "工業"}, {"Chemical", "化学"}, {"Steel", "製鉄"},
	{"Motor", "自動車"}, {"Heavy Industries", "重工業"}, {"Trading", "商事"}, {"Semiconductor", "半導体"},
	{"Precision", "精密"}, {"Pharmaceutical", "製薬"}, {"Logistics", "物流"}, {"Materials", "素材"},
	{"Electronics", "電子"}, {"Machinery", "機械"}, {"Shipbuilding", "造船"}, {"Paper", "製紙"},
}

var jaSuffixes = []string{"", "", " Co.", " Holdings", " Corporation"}

// English company names.
var enPrefixes = []string{
	"North", "West", "Blue", "Silver", "Red", "Iron", "Clear", "Bright", "Pacific", "Atlantic",
	"Summit", "Granite", "Cedar", "Harbor", "Pioneer", "Liberty", "Frontier", "Crescent", "Ever", "Golden",
	"Stone", "River", "Oak", "Maple", "High", "Lake", "Star", "Sun", "Falcon", "Eagle",
}

var enRoots = []string{
	"field", "stone", "bridge", "water", "gate", "wood", "ridge", "brook", "view", "crest",
	"point", "land", "haven", "ford", "mont", "well", "line", "peak", "vale", "shore",
}

var enModifiers = []string{"", "", "", "Advanced", "Global", "United", "Applied", "Digital", "Integrated", "National"}

var enIndustries = []string{
	"Semiconductor", "Systems", "Materials", "Robotics", "Logistics", "Energy", "Pharmaceuticals", "Networks",
	"Analytics", "Motors", "Aerospace", "Foods", "Capital", "Chemicals", "Devices", "Instruments",
}

var enSuffixes = []string{"", "", "Inc.", "Corp.", "Group", "Holdings", "Ltd."}

// Person names.
var koSurnames = []pair{
	{"Kim", "김"}, {"Lee", "이"}, {"Park", "박"}, {"Choi", "최"}, {"Jung", "정"}, {"Kang", "강"},
	{"Cho", "조"}, {"Yoon", "윤"}, {"Jang", "장"}, {"Lim", "임"}, {"Han", "한"}, {"Oh", "오"},
	{"Seo", "서"}, {"Shin", "신"}, {"Kwon", "권"}, {"Hwang", "황"}, {"Ahn", "안"}, {"Song", "송"},
	{"Yoo", "유"}, {"Hong", "홍"}, {"Jeon", "전"}, {"Ko", "고"}, {"Moon", "문"}, {"Yang", "양"}, {"Son", "손"},
}

var koGiven = []pair{
	{"min", "민"}, {"jun", "준"}, {"seo", "서"}, {"yeon", "연"}, {"ji", "지"}, {"woo", "우"},
	{"hyun", "현"}, {"soo", "수"}, {"young", "영"}, {"ho", "호"}, {"jin", "진"}, {"sung", "성"},
	{"tae", "태"}, {"won", "원"}, {"jae", "재"}, {"myung", "명"}, {"hye", "혜"}, {"eun", "은"},
	{"dong", "동"}, {"seok", "석"}, {"ha", "하"}, {"yun", "윤"}, {"kyung", "경"}, {"hoon", "훈"},
	{"sang", "상"}, {"chul", "철"}, {"hee", "희"}, {"bin", "빈"}, {"gyu", "규"}, {"na", "나"},
}

var jaSurnames = []pair{
	{"Tanaka", "田中"}, {"Sato", "佐藤"}, {"Suzuki", "鈴木"}, {"Takahashi", "高橋"}, {"Watanabe", "渡辺"},
	{"Ito", "伊藤"}, {"Yamamoto", "山本"}, {"Nakamura", "中村"}, {"Kobayashi", "小林"}, {"Kato", "加藤"},
	{"Yoshida", "吉田"}, {"Yamada", "山田"}, {"Sasaki", "佐々木"}, {"Matsumoto", "松本"}, {"Inoue", "井上"},
	{"Kimura", "木村"}, {"Hayashi", "林"}, {"Shimizu", "清水"}, {"Yamaguchi", "山口"}, {"Mori", "森"},
	{"Abe", "阿部"}, {"Ikeda", "池田"}, {"Hashimoto", "橋本"}, {"Ishikawa", "石川"}, {"Ogawa", "小川"},
	{"Okada", "岡田"}, {"Goto", "後藤"}, {"Hasegawa", "長谷川"}, {"Murakami", "村上"}, {"Kondo", "近藤"},
	{"Ishii", "石井"}, {"Saito", "斎藤"}, {"Sakamoto", "坂本"}, {"Endo", "遠藤"}, {"Aoki", "青木"},
	{"Fujita", "藤田"}, {"Nishimura", "西村"}, {"Fukuda", "福田"}, {"Ota", "太田"}, {"Miura", "三浦"},
}

var jaGiven = []pair{
	{"Ken", "健"}, {"Sho", "翔"}, {"Daisuke", "大輔"}, {"Naoki", "直樹"}, {"Misaki", "美咲"}, {"Yoko", "陽子"},
	{"Yuko", "裕子"}, {"Takuya", "拓也"}, {"Kenta", "健太"}, {"Ai", "愛"}, {"Aya", "彩"}, {"Hiroshi", "浩"},
	{"Makoto", "誠"}, {"Tsuyoshi", "剛"}, {"Megumi", "恵"}, {"Ryo", "亮"}, {"Haruto", "陽翔"}, {"Yui", "結衣"},
	{"Sota", "颯太"}, {"Hina", "陽菜"}, {"Riku", "陸"}, {"Mei", "芽依"}, {"Kaito", "海斗"}, {"Rin", "凛"},
	{"Takeshi", "武"}, {"Akira", "明"}, {"Satoshi", "聡"}, {"Kazuki", "一輝"}, {"Emi", "恵美"}, {"Nao", "奈緒"},
	{"Shota", "翔太"}, {"Yuki", "由紀"}, {"Koji", "浩二"}, {"Masato", "正人"}, {"Hiroko", "博子"}, {"Tomoko", "智子"},
	{"Kenji", "健二"}, {"Mariko", "真理子"}, {"Yusuke", "雄介"}, {"Sakura", "さくら"},
}

var enFirst = []string{
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
	"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
	"Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily",
	"Andrew", "Laura", "Joshua", "Rachel", "Kevin", "Megan", "Brian", "Hannah", "Eric", "Olivia",
	"Howard", "Claire", "Peter", "Helen", "Samuel", "Grace", "Henry", "Alice", "Oliver", "Ruth",
}

var enLast = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
	"Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
	"Campbell", "Mitchell", "Carter", "Roberts", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards",
	"Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey",
	"Whitfield", "Lutnick", "Hargrove", "Ashworth", "Pemberton", "Caldwell", "Thornton", "Holloway", "Winslow", "Kensington",
}

// Places.
var placeKinds = []struct {
	en, ko, ja string
	region     bool
}{
	{"City", "시", "市", false}, {"Port", "항", "港", false}, {"Bay", "만", "湾", false},
	{"Valley", "계곡", "谷", false}, {"Heights", "언덕", "台", false}, {"Province", "도", "県", true},
	{"District", "구", "区", true}, {"Island", "섬", "島", true}, {"Harbor", "포구", "浦", false},
}

// Topics.
var topicPrefixes = []string{"", "", "", "Korean ", "Japanese ", "European ", "American ", "Asian ", "global "}

var topicAdjectives = []string{
	"solid-state", "advanced", "next-generation", "high-bandwidth", "lithium-ion", "quantum", "autonomous",
	"flexible", "renewable", "offshore", "low-carbon", "generative", "biodegradable", "modular", "wearable",
	"hydrogen", "graphene", "silicon carbide", "gallium nitride", "3D", "smart", "industrial", "medical",
	"satellite", "nuclear", "organic", "precision", "green", "compact", "high-speed", "cloud", "edge",
	"electric", "marine", "rare-earth", "semiconductor", "synthetic", "digital", "optical", "thermal",
}

var topicNouns = []string{
	"batteries", "memory", "displays", "sensors", "chips", "robots", "vehicles", "wind power", "ships",
	"packaging", "lidar", "satellites", "vaccines", "fertilizer", "steel", "polymers", "fuel cells",
	"data centers", "networks", "solar panels", "turbines", "drones", "textiles", "magnets", "lenses",
	"software", "cameras", "machine tools", "pipelines", "reactors", "cables", "glass", "ceramics",
	"pumps", "motors", "engines", "foundry services", "storage", "logistics", "payments",
}

var topicSuffixes = []string{"", "", "", " supply chains", " manufacturing", " research", " exports", " equipment", " recycling", " standards"}

// Countries and blocs every graph has: the hubs of trade relations.
var countries = []struct {
	id, name, native, lang, demonym string
}{
	{"south-korea", "South Korea", "대한민국", "ko", "Korean"},
	{"japan", "Japan", "日本", "ja", "Japanese"},
	{"united-states", "United States", "", "", "American"},
	{"china", "China", "中国", "zh", "Chinese"},
	{"taiwan", "Taiwan", "臺灣", "zh", "Taiwanese"},
	{"germany", "Germany", "Deutschland", "de", "German"},
	{"france", "France", "", "", "French"},
	{"united-kingdom", "United Kingdom", "", "", "British"},
	{"india", "India", "भारत", "hi", "Indian"},
	{"vietnam", "Vietnam", "Việt Nam", "vi", "Vietnamese"},
	{"indonesia", "Indonesia", "", "", "Indonesian"},
	{"australia", "Australia", "", "", "Australian"},
	{"canada", "Canada", "", "", "Canadian"},
	{"mexico", "Mexico", "México", "es", "Mexican"},
	{"brazil", "Brazil", "Brasil", "pt", "Brazilian"},
	{"italy", "Italy", "Italia", "it", "Italian"},
	{"netherlands", "Netherlands", "Nederland", "nl", "Dutch"},
	{"singapore", "Singapore", "", "", "Singaporean"},
	{"thailand", "Thailand", "ประเทศไทย", "th", "Thai"},
	{"malaysia", "Malaysia", "", "", "Malaysian"},
	{"philippines", "Philippines", "Pilipinas", "fil", "Filipino"},
	{"saudi-arabia", "Saudi Arabia", "السعودية", "ar", "Saudi"},
	{"poland", "Poland", "Polska", "pl", "Polish"},
	{"sweden", "Sweden", "Sverige", "sv", "Swedish"},
	{"spain", "Spain", "España", "es", "Spanish"},
	{"turkey", "Turkey", "Türkiye", "tr", "Turkish"},
	{"chile", "Chile", "", "", "Chilean"},
	{"south-africa", "South Africa", "", "", "South African"},
	{"new-zealand", "New Zealand", "Aotearoa", "mi", "New Zealander"},
	{"mongolia", "Mongolia", "Монгол Улс", "mn", "Mongolian"},
}

var blocs = []struct{ id, name, abbrev string }{
	{"european-union", "European Union", "EU"},
	{"asean", "Association of Southeast Asian Nations", "ASEAN"},
	{"usmca", "U.S.-Mexico-Canada Agreement", "USMCA"},
	{"rcep", "Regional Comprehensive Economic Partnership", "RCEP"},
	{"cptpp", "Comprehensive and Progressive Agreement for Trans-Pacific Partnership", "CPTPP"},
}

// Sentence material.
var products = []string{
	"memory chips", "steel plates", "display panels", "battery cells", "precision parts", "specialty chemicals",
	"image sensors", "software licences", "logistics services", "lithography tools", "copper foil", "wafers",
}

var manners = []string{"quietly", "publicly", "jointly", "reluctantly", "formally"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

var fillers = []string{
	"Shares rose %d%% in early trading.",
	"Analysts expect demand to recover within %d quarters.",
	"The company declined to comment further.",
	"Officials did not respond to requests for comment.",
	"Exports rose for a %d-month run.",
	"The figures were in line with market forecasts.",
	"Industry groups have called for clearer rules.",
	"Investors are watching the talks closely.",
}

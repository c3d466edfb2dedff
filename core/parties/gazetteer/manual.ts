/**
 * Hand-written word lists for the name recognizer (general English/news knowledge, no corpus mining).
 * Everything is lower-case, '|'-separated, split once at load time.
 */

/** Titles and honorifics that precede a person's name but are not part of it. */
export const TITLE_CORE =
  'mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lord|lady|sen|senator|rep|representative|congressman|congresswoman|' +
  'gov|governor|president|vice-president|premier|minister|chancellor|secretary|secretary-general|undersecretary|' +
  'ambassador|envoy|mayor|king|queen|prince|princess|sheikh|sheik|emir|sultan|pope|cardinal|archbishop|bishop|rev|reverend|' +
  'father|rabbi|imam|ayatollah|judge|justice|gen|general|col|colonel|lt|lieutenant|maj|major|capt|captain|cmdr|commander|' +
  'adm|admiral|sgt|sergeant|cpl|corporal|pte|private|marshal|brig|brigadier|chairman|chairwoman|chairperson|chair|' +
  'ceo|spokesman|spokeswoman|spokesperson|coach|manager|striker|midfielder|defender|goalkeeper|captain|' +
  'inspector|superintendent|detective|officer|chief|director|commissioner|prosecutor|attorney|lawyer|' +
  'deputy|leader|mp|mep|dep|hon|st|saint|crown|speaker|councillor|councilman|councilwoman|magistrate|' +
  'president-elect|candidate|nominee|analyst|economist|correspondent|editor|counsel|' +
  'grandmaster|champion|skipper|dj|dr.|mr.|mrs.|ms.|prof.|gen.|col.|lt.|sen.|rep.|gov.|capt.|sgt.|rev.|maj.|adm.|cmdr.|brig.|hon.|st.';

/** Words that may precede a title core inside a title phrase ("Foreign Minister", "Prime Minister"). */
export const TITLE_MOD =
  'prime|foreign|interior|defence|defense|finance|trade|economy|economic|health|justice|education|agriculture|labour|labor|' +
  'energy|environment|home|chief|executive|vice|deputy|acting|former|ex|first|junior|senior|state|attorney|' +
  'secretary|general|prosecutor|industry|transport|culture|sports|sport|tourism|information|oil|mining|' +
  'communications|security|intelligence|fisheries|housing|development|planning|budget|treasury|' +
  'opposition|party|army|police|military|federal|regional|provincial|national|supreme|grand|high|' +
  'lord|lt|lieutenant|major|brigadier|rear|air|vice-|team|head|assistant|associate|managing|' +
  'overseas|european|immigration|employment|welfare|social|science|technology|research|water|' +
  'public|works|religious|spiritual|outgoing|incoming|interim|caretaker|democratic|republican|socialist|' +
  'u.s.|us|british|french|german|russian|chinese|israeli|palestinian|iraqi|iranian|japanese';

/** Last words that make a capitalized sequence an organization. */
export const ORG_SUFFIX =
  'inc|inc.|corp|corp.|corporation|co|co.|ltd|ltd.|llc|plc|ag|sa|s.a.|nv|n.v.|bv|gmbh|spa|s.p.a.|ab|asa|oyj|kk|' +
  'group|holdings|holding|party|ministry|council|committee|commission|bank|bancorp|agency|association|union|' +
  'fc|f.c.|afc|united|airlines|airline|airways|air|motors|motor|industries|industry|securities|capital|partners|' +
  'systems|technologies|technology|communications|telecom|telecommunications|energy|petroleum|oil|gas|electric|' +
  'electronics|pharmaceuticals|pharma|foods|chemicals|steel|mining|resources|investments|investment|insurance|' +
  'assurance|trust|fund|funds|finance|financial|brokerage|exchange|markets|church|court|tribunal|army|navy|police|' +
  'club|rovers|wanderers|athletic|albion|hotspur|county|rangers|celtic|town|villa|wednesday|argyle|' +
  'institute|institution|university|college|school|academy|foundation|federation|league|society|service|services|' +
  'organisation|organization|office|department|bureau|board|authority|administration|secretariat|' +
  'parliament|assembly|senate|congress|cabinet|government|coalition|alliance|front|movement|brigade|brigades|' +
  'network|news|times|post|journal|herald|tribune|gazette|telegraph|press|television|tv|radio|broadcasting|' +
  'magazine|daily|weekly|review|monitor|observer|guardian|agency|media|studios|pictures|records|entertainment|' +
  'hospital|clinic|laboratories|labs|museum|orchestra|company|companies|enterprises|ventures|' +
  'stores|store|supermarkets|brands|products|group.|team|squad|forces|guard|corps|command|council.|' +
  'bundesbank|reserve|commerce|chamber|caucus|consortium|cooperative|co-operative|exchange.|house|fed';

/** First words that, followed by "of"/"for", make an organization ("Bank of England", "Ministry of Defence"). */
export const ORG_HEAD =
  'bank|ministry|university|congress|council|committee|commission|department|institute|office|organisation|' +
  'organization|federation|association|union|league|court|church|bureau|board|agency|society|academy|school|' +
  'college|museum|house|chamber|party|movement|front|army|friends|federal|national|united|coalition|alliance|' +
  'confederation|secretariat|embassy|consulate|parliament|assembly|senate|government|fund|foundation|centre|center|' +
  'corporation|company|group|conference|tribunal|authority|administration|service|command|order|supreme|high|' +
  'people\'s|peoples|council|directorate|division|brotherhood|order|guardians|soldiers|army|forces|board';

/** First words that, followed by "of", make a location ("Gulf of Mexico", "Isle of Man"). */
export const LOC_HEAD =
  'gulf|bay|sea|strait|straits|isle|island|islands|lake|mount|cape|port|province|republic|kingdom|state|city|' +
  'county|district|region|valley|sultanate|emirate|principality|duchy|territory|commonwealth|plain|plains|' +
  'river|coast|gate|strip';

/** Last words that make a capitalized sequence a location. */
export const LOC_SUFFIX =
  'river|lake|mountains|mountain|mount|hills|island|islands|isles|sea|ocean|bay|gulf|strait|peninsula|valley|desert|' +
  'province|state|county|district|region|territory|city|town|village|square|street|avenue|road|boulevard|bridge|' +
  'airport|coast|canal|heights|highlands|plateau|basin|delta|forest|park|beach|harbour|harbor|oblast|prefecture|' +
  'governorate|republic|kingdom|emirates|strip|bank|falls|springs|peak|pass|corridor|crossing|shire';

/** Particles allowed inside personal names ("Ludwig van Beethoven", "Osama bin Laden"). */
export const NAME_PARTICLES = 'van|von|de|da|di|du|del|della|der|den|dos|das|la|le|bin|ibn|al|el|abu|ter|ten|y|zu|st.';

/** Lower-case connectors allowed inside organization / location names after a head word. */
export const CONNECTORS = 'of|for|and|&|the|on|de|du|des|del|la|le|di|da|y|in|against|to|at|und|et';

/** Capitalized words that are never names on their own. */
export const NON_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|' +
  'september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|' +
  'thurs|fri|sat|sun|i|i\'m|i\'ve|i\'d|i\'ll|ok|okay|mr|mrs|ms|dr|tv|am|pm|a.m.|p.m.|gmt|utc|est|edt|pst|bst|cet|' +
  'no|yes|oh|hi|hello|dear|god|christmas|easter|ramadan|eid|hanukkah|diwali|thanksgiving|internet|web|' +
  'north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|central|' +
  'update|updated|breaking|exclusive|analysis|opinion|editorial|comment|read|more|photo|video|watch|listen|' +
  'reporting|writing|editing|additional|source|sources|note|notes|advertisement|related|share|' +
  'pct|percent|vs|v|v.|st|nd|rd|th|q1|q2|q3|q4|h1|h2|fy|ceo|cfo|coo|cto|gdp|cpi|ipo|ap|dpa|' +
  'results|result|standings|scores|table|semifinal|semifinals|final|finals|quarterfinal|' +
  'quarter-final|quarter-finals|semi-final|semi-finals|half-time|halftime|attendance|played|won|lost|drawn|points|';

/** Words that look capitalized but begin sentences; extra to the generated common-word list. */
export const FUNCTION_WORDS =
  'the|a|an|and|or|but|if|then|so|as|at|by|for|from|in|into|of|on|onto|to|with|without|after|before|about|' +
  'above|below|under|over|between|among|against|during|since|until|while|when|where|which|who|whom|whose|what|' +
  'why|how|this|that|these|those|there|here|he|she|it|they|we|you|his|her|its|their|our|your|my|me|him|them|us|' +
  'also|however|meanwhile|moreover|still|yet|although|though|because|once|some|many|most|all|both|each|every|' +
  'no|not|nor|only|other|such|than|too|very|just|even|later|earlier|today|tomorrow|yesterday|tonight|now|' +
  'according|asked|speaking|despite|unlike|like|last|next|first|second|third|new|former|several|few|one|two|' +
  'three|four|five|six|seven|eight|nine|ten|instead|indeed|thus|hence|nevertheless|nonetheless|besides|' +
  'officials|police|analysts|sources|reports|critics|supporters|residents|witnesses|investors|traders|dealers|' +
  'shares|prices|stocks|bonds|markets|sales|profits|earnings|revenue|president|minister|government|' +
  'opposition|officials|troops|rebels|soldiers|voters|leaders|diplomats|experts|economists|' +
  'mr.|mrs.|ms.|dr.|do|does|did|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|shall';

/** Famous organizations (general world knowledge) that carry no tell-tale suffix. */
export const KNOWN_ORGS =
  'united nations|un|nato|eu|european union|european commission|european parliament|imf|world bank|opec|who|' +
  'world health organization|wto|world trade organization|unesco|unicef|unhcr|iaea|interpol|osce|asean|apec|' +
  'african union|arab league|g7|g8|g20|brics|oecd|red cross|red crescent|amnesty international|human rights watch|' +
  'greenpeace|doctors without borders|medecins sans frontieres|fifa|uefa|ioc|icc|icj|cia|fbi|nsa|kgb|fsb|mossad|' +
  'pentagon|kremlin|white house|downing street|elysee|élysée|congress|senate|parliament|knesset|duma|bundestag|' +
  'hamas|hezbollah|hizbollah|taliban|al qaeda|al-qaeda|isis|islamic state|plo|fatah|ira|sinn fein|eta|farc|' +
  'reuters|associated press|afp|agence france-presse|bloomberg|bbc|cnn|nbc|cbs|abc|fox news|msnbc|al jazeera|' +
  'al arabiya|new york times|washington post|wall street journal|financial times|the guardian|the economist|' +
  'le monde|der spiegel|xinhua|tass|itar-tass|interfax|ria novosti|kyodo|yonhap|anadolu|dpa|ansa|efe|' +
  'google|apple|microsoft|amazon|facebook|meta|twitter|tesla|ibm|intel|boeing|airbus|toyota|volkswagen|nissan|' +
  'honda|siemens|samsung|sony|nokia|ericsson|shell|exxon|exxonmobil|chevron|bp|gazprom|rosneft|aramco|' +
  'nasdaq|nyse|moody\'s|standard & poor\'s|fitch|federal reserve|fed|ecb|bundesbank|' +
  'labour|tories|liberal democrats|likud|anc|bjp|cdu|spd|' +
  'supreme court|high court|security council|general assembly|state department|foreign office|home office|' +
  'treasury|justice department|defense department|navy|air force|marines|scotland yard|' +
  'oxford|cambridge|harvard|yale|stanford|mit|unicef|olympic committee|wikipedia|youtube|tiktok|netflix|' +
  'instagram|whatsapp|telegram|openai|nvidia|huawei|alibaba|tencent|baidu|spacex|uber|airbnb|visa|mastercard|' +
  'goldman sachs|morgan stanley|jpmorgan|citigroup|hsbc|barclays|ubs|credit suisse|deutsche bank|' +
  'lloyd\'s|nestle|nestlé|unilever|pfizer|moderna|astrazeneca|novartis|roche|bayer|basf|daimler|bmw|fiat|renault|' +
  'peugeot|general motors|ford|chrysler|gm|at&t|verizon|vodafone|telefonica|ericsson|philips|lufthansa|' +
  'air france|british airways|aeroflot|emirates|qantas|hyundai|kia|lg|panasonic|hitachi|toshiba|mitsubishi|' +
  'petrobras|pemex|totalenergies|eni|statoil|equinor|bhp|rio tinto|glencore|de beers|walmart|' +
  'coca-cola|pepsico|mcdonald\'s|starbucks|disney|warner bros|paramount|nasa|esa|noaa|cdc|fda|sec|epa|irs|' +
  'eurostat|nafta|mercosur|ecowas|sadc|cis|ebrd|adb|wfp|fao|ilo|unctad|undp|unep|icao|itu';

/** Places with no tell-tale shape, beyond countries and cities: regions, states, continents. */
export const EXTRA_PLACES =
  'europe|asia|africa|america|north america|south america|latin america|central america|oceania|antarctica|arctic|' +
  'middle east|near east|far east|balkans|caucasus|scandinavia|baltics|the gulf|gulf|persian gulf|mediterranean|' +
  'atlantic|pacific|indian ocean|caribbean|sahara|sahel|horn of africa|west africa|east africa|southern africa|' +
  'north africa|central asia|south asia|southeast asia|east asia|western europe|eastern europe|central europe|' +
  'west bank|gaza|gaza strip|golan heights|golan|sinai|kashmir|tibet|xinjiang|chechnya|kosovo|crimea|donbas|' +
  'kurdistan|darfur|punjab|bengal|siberia|patagonia|amazon|andes|alps|himalayas|urals|yangtze|nile|danube|rhine|' +
  'thames|mississippi|euphrates|tigris|jordan river|red sea|black sea|dead sea|caspian|caspian sea|baltic|' +
  'baltic sea|north sea|south china sea|east china sea|english channel|suez|suez canal|panama canal|' +
  'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|' +
  'indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|' +
  'montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|' +
  'oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|' +
  'washington|west virginia|wisconsin|wyoming|district of columbia|puerto rico|guam|' +
  'ontario|quebec|québec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland|' +
  'yukon|nunavut|new south wales|queensland|victoria|tasmania|western australia|south australia|' +
  'northern territory|england|scotland|wales|northern ireland|ulster|britain|great britain|bavaria|saxony|' +
  'catalonia|andalusia|basque country|galicia|flanders|wallonia|corsica|sicily|sardinia|lombardy|tuscany|' +
  'brittany|normandy|provence|alsace|transylvania|anatolia|kurdistan|balochistan|baluchistan|sindh|' +
  'mindanao|java|sumatra|borneo|bali|hokkaido|okinawa|taiwan|hong kong|macau|macao|new caledonia|tahiti|' +
  'greenland|faroe islands|canary islands|azores|madeira|falklands|falkland islands|gibraltar|' +
  'nagorno-karabakh|karabakh|abkhazia|south ossetia|transnistria|somaliland|western sahara|' +
  'midwest|mid-west|new england|deep south|west coast|east coast|wall street|silicon valley|hollywood|manhattan|brooklyn|capitol hill|city of london|' +
  'soviet union|ussr|yugoslavia|czechoslovakia|east germany|west germany|zaire|burma|ceylon|' +
  'u.s.|u.s.a.|us|usa|uk|u.k.|uae|u.a.e.|drc|prc|dprk';

/** Adjectives and nouns that are MISC in the CoNLL convention, beyond the generated demonyms. */
export const EXTRA_MISC =
  'european|african|asian|arab|arabic|western|latin|nordic|scandinavian|baltic|balkan|caucasian|slavic|anglo|' +
  'roman|christian|christians|muslim|muslims|moslem|moslems|islamic|islamist|islamists|jewish|jews|jew|catholic|catholics|' +
  'protestant|protestants|orthodox|sunni|sunnis|shia|shi\'ite|shiite|shiites|shi\'ites|hindu|hindus|buddhist|' +
  'buddhists|sikh|sikhs|kurdish|kurds|kurd|basque|basques|catalan|palestinian|palestinians|israeli|israelis|' +
  'serb|serbs|croat|croats|bosnian|bosnians|muslim|tamil|tamils|pashtun|hutu|hutus|tutsi|tutsis|zulu|' +
  'english|scottish|welsh|irish|british|briton|britons|american|americans|soviet|yugoslav|czechoslovak|' +
  'democrat|democrats|democratic|republican|republicans|conservative|conservatives|communist|communists|socialist|socialists|marxist|' +
  'olympic|olympics|world cup|euro|euros|nobel|grammy|oscar|oscars|premier league|champions league|' +
  'christmas|easter|ramadan|new year|cold war|world war|holocaust|brexit|covid|covid-19|internet|' +
  'nasdaq composite|s&p 500|dow|ftse|dax|nikkei|hang seng';

/** Last words that make a capitalized sequence an event, award or competition (MISC). */
export const MISC_SUFFIX =
  'cup|series|open|games|championship|championships|trophy|prize|award|awards|day|war|olympics|slam|classic|' +
  'marathon|tour|festival|league|grand prix|derby|rally|masters|invitational|challenge|act|treaty|accord|accords|' +
  'agreement|plan|doctrine|summit|conference|expo|index|average|composite|revolution|crisis|affair|scandal|era';

/** Compass words that are not a name on their own. */
export const DIRECTIONS =
  'north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|central|' +
  'upper|lower|greater|middle|mid|new|old|great|little|big|grand|saint|st|st.|san|santa|los|las|el|la|le';

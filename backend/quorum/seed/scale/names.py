"""Names for places, practices and people: English-sounding and plausible, never real people."""

from __future__ import annotations

# NHS England's area teams of 2013-15, north to south as PLACES runs, with London split three ways to make
# 27. (Greater Manchester and London are left to the demo data.)
AREA_TEAMS = (
    "Cumbria, Northumberland, Tyne and Wear", "Durham, Darlington and Tees", "North Yorkshire and the Humber",
    "West Yorkshire", "South Yorkshire and Bassetlaw", "Lancashire", "Greater Manchester East", "Merseyside",
    "Cheshire, Warrington and Wirral", "Birmingham and the Black Country", "Shropshire and Staffordshire",
    "Arden, Herefordshire and Worcestershire", "Derbyshire and Nottinghamshire", "Leicestershire and Lincolnshire",
    "Hertfordshire and the South Midlands", "East Anglia", "Essex", "North Central and East London",
    "North West London", "South London", "Kent and Medway", "Surrey and Sussex", "Thames Valley", "Wessex",
    "Bath, Gloucestershire, Swindon and Wiltshire", "Bristol, North Somerset, Somerset and South Gloucestershire",
    "Devon, Cornwall and the Isles of Scilly",
)

PLACES = (
    "Cumbria", "Darlington", "Durham Dales, Easington and Sedgefield", "Gateshead", "Hartlepool and Stockton-on-Tees",
    "Newcastle North and East", "Newcastle West", "North Durham", "North Tyneside", "Northumberland", "South Tees",
    "South Tyneside", "Sunderland", "Airedale, Wharfedale and Craven", "Barnsley", "Bassetlaw", "Bradford City",
    "Bradford Districts", "Calderdale", "Doncaster", "East Riding of Yorkshire", "Greater Huddersfield",
    "Hambleton, Richmondshire and Whitby", "Harrogate and Rural District", "Hull", "Leeds North",
    "Leeds South and East", "Leeds West", "North East Lincolnshire", "North Kirklees", "North Lincolnshire",
    "Rotherham", "Scarborough and Ryedale", "Sheffield", "Vale of York", "Wakefield", "Blackburn with Darwen",
    "Blackpool", "Bury", "Central Manchester", "Chorley and South Ribble", "East Lancashire", "Eastern Cheshire",
    "Fylde and Wyre", "Greater Preston", "Halton", "Knowsley", "Lancashire North", "Liverpool", "North Manchester",
    "Oldham", "Salford", "South Cheshire", "South Manchester", "South Sefton", "Southport and Formby", "St Helens",
    "Stockport", "Tameside and Glossop", "Trafford", "Vale Royal", "Warrington", "West Cheshire", "West Lancashire",
    "Wigan Borough", "Wirral", "Birmingham CrossCity", "Birmingham South and Central", "Cannock Chase",
    "Coventry and Rugby", "Dudley", "East Staffordshire", "North Staffordshire", "Redditch and Bromsgrove",
    "Sandwell and West Birmingham", "Shropshire", "Solihull", "South East Staffordshire and Seisdon Peninsula",
    "South Warwickshire", "South Worcestershire", "Stafford and Surrounds", "Stoke-on-Trent", "Telford and Wrekin",
    "Walsall", "Warwickshire North", "Wolverhampton", "Wyre Forest", "Herefordshire", "Corby", "Erewash", "Hardwick",
    "Leicester City", "East Leicestershire and Rutland", "West Leicestershire", "Lincolnshire East",
    "Lincolnshire West", "South Lincolnshire", "South West Lincolnshire", "Mansfield and Ashfield",
    "Newark and Sherwood", "Nene", "North Derbyshire", "Southern Derbyshire", "Nottingham City",
    "Nottingham North and East", "Nottingham West", "Rushcliffe", "Basildon and Brentwood", "Bedfordshire",
    "Cambridgeshire and Peterborough", "Castle Point and Rochford", "East and North Hertfordshire", "Herts Valleys",
    "Great Yarmouth and Waveney", "Ipswich and East Suffolk", "Luton", "Mid Essex", "North East Essex",
    "North Norfolk", "Norwich", "South Norfolk", "Southend", "Thurrock", "West Essex", "West Norfolk", "West Suffolk",
    "Milton Keynes", "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Central London",
    "Croydon", "Ealing", "Enfield", "Greenwich", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering",
    "Hillingdon", "Hounslow", "Kingston", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond",
    "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth", "West London", "Ashford",
    "Canterbury and Coastal", "Dartford, Gravesham and Swanley", "Medway", "South Kent Coast", "Swale", "Thanet",
    "West Kent", "Brighton and Hove", "Coastal West Sussex", "Crawley", "Eastbourne, Hailsham and Seaford",
    "Hastings and Rother", "High Weald Lewes Havens", "Horsham and Mid Sussex", "East Surrey", "Guildford and Waverley",
    "North West Surrey", "Surrey Downs", "Surrey Heath", "Aylesbury Vale", "Chiltern", "Bracknell and Ascot",
    "Newbury and District", "North and West Reading", "Oxfordshire", "Slough", "South Reading",
    "Windsor, Ascot and Maidenhead", "Wokingham", "Fareham and Gosport", "Isle of Wight",
    "North East Hampshire and Farnham", "North Hampshire", "Portsmouth", "South Eastern Hampshire", "Southampton",
    "West Hampshire", "Dorset", "Bath and North East Somerset", "Bristol", "North Somerset", "Somerset",
    "South Gloucestershire", "Gloucestershire", "Swindon", "Wiltshire", "Kernow", "Northern, Eastern and Western Devon",
    "South Devon and Torbay", "Carlisle and Eden", "Kendal and Lakes", "Chesterfield", "Derby City", "Lincoln City",
    "Worcester City", "Shrewsbury and Atcham", "Crewe and Nantwich", "Macclesfield", "Basingstoke and Deane",
    "Winchester", "Oxford City", "Cherwell", "Cheltenham", "Exeter", "Taunton Deane", "Salisbury", "Plymouth",
)

COMPASS = ("North", "South", "East", "West", "Central")
PRACTICE_WORDS = (
    "Abbey", "Albion", "Alexandra", "Ash Tree", "Bank House", "Beech", "Birchwood", "Bridge Street", "Brook Lane",
    "Castle", "Cedar", "Chapel Street", "Church Street", "Cliff", "College", "Crown", "Elm Tree", "Fairfield",
    "Fernlea", "Field House", "Grange", "Green Lane", "Hawthorn", "Highfield", "Hillside", "Holly", "Kingsway",
    "Lakeside", "Larkfield", "Linden", "Manor", "Market Street", "Meadow", "Mill", "Moorland", "New Road", "Northgate",
    "Oakfield", "Old School", "Orchard", "Park View", "Priory", "Queens Road", "Railway", "Riverside", "Rosebank",
    "St Andrew's", "St John's", "St Mary's", "Station Road", "Sycamore", "The Avenue", "The Health Centre",
    "Thornbury", "Valley", "Victoria", "Village", "Westgate", "Willow", "Woodlands",
)
PRACTICE_KINDS = ("Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice", "Group Practice")

FIRST_NAMES = (
    "Aisha", "Alan", "Alice", "Amir", "Andrew", "Angela", "Anita", "Ben", "Bernadette", "Catherine", "Chloe",
    "Chris", "Claire", "Colin", "Daniel", "David", "Deborah", "Deepa", "Eleanor", "Emma", "Fatima", "Fiona",
    "Gareth", "Gemma", "Graham", "Hannah", "Harpreet", "Helen", "Ian", "Imran", "James", "Jane", "Jasmine",
    "Joanne", "John", "Jonathan", "Karen", "Kate", "Kevin", "Laura", "Liam", "Louise", "Lucy", "Mark", "Martin",
    "Mary", "Matthew", "Michael", "Mohammed", "Nadia", "Neil", "Nicola", "Olivia", "Owen", "Patricia", "Paul",
    "Peter", "Priya", "Rachel", "Rebecca", "Richard", "Robert", "Ruth", "Sally", "Samuel", "Sandeep", "Sarah",
    "Shabana", "Simon", "Sophie", "Stephen", "Susan", "Tariq", "Thomas", "Una", "Victoria", "William", "Yasmin",
    "Zoe", "Adebayo", "Chinedu", "Ewa", "Gurpreet", "Kwabena", "Mei", "Rhiannon", "Siobhan", "Tomasz",
)
SURNAMES = (
    "Adams", "Ahmed", "Akhtar", "Allen", "Anderson", "Armstrong", "Atkinson", "Bailey", "Baker", "Banerjee", "Barker",
    "Bell", "Bennett", "Bhatt", "Brown", "Butler", "Campbell", "Carter", "Chapman", "Chaudhry", "Clarke", "Collins",
    "Cooper", "Cox", "Davies", "Dawson", "Dixon", "Edwards", "Evans", "Fisher", "Fletcher", "Foster", "Gill",
    "Graham", "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hill", "Hughes", "Hussain", "Jackson", "James",
    "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Lewis", "Lloyd", "Marshall", "Martin", "Mason", "Mistry",
    "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nelson", "Nowak", "O'Brien", "Okafor", "Owen", "Palmer",
    "Parker", "Patel", "Phillips", "Price", "Rahman", "Reid", "Roberts", "Robinson", "Rogers", "Russell", "Scott",
    "Shah", "Sharma", "Singh", "Smith", "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward",
    "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
)
TRUSTS = (
    "the acute trust", "the community trust", "the mental health trust", "the ambulance service",
    "the local authority", "the hospice", "Healthwatch", "the GP federation",
)

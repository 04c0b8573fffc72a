"""Static name, place and contact-detail banks for CareBridge synthetic PHI.

The synthetic-transcript generator draws from these collections to embed protected health
information (PHI) into chat transcripts, so that the de-identification system can be scored
against a known ground truth. Everything here is plain data; the engine owns all sampling,
formatting and slot filling.

Contents
--------
``NAME_ORIGINS``
    First names (mixed genders) and surnames per origin group, romanised in Latin script.
    The ``"word_names"`` group holds names that are also ordinary English words (Hope, Will,
    Brown, Banks...), the hardest case for a de-identifier.
``US_CITIES``
    ``(city, state abbreviation, 3-digit ZIP prefix)`` triples, including cities whose names
    are also words or people's names (Mobile, Normal, Eugene, Florence...).
``STREET_NAMES`` / ``STREET_SUFFIXES`` / ``UNIT_FORMS``
    Address building blocks. ``UNIT_FORMS`` contain a literal ``{n}`` slot.
``FACILITY_TEMPLATES`` / ``SAINTS``
    Hospital and clinic names with optional ``{city}`` and ``{saint}`` slots.
``EMAIL_DOMAINS`` / ``URL_TEMPLATES``
    Contact details. URL templates use ``{user}``, ``{slug}``, ``{n}`` and ``{domain}`` slots.
``RELATIONS``
    Words for relatives and close persons as patients write them.

All people, places and organisations produced from these banks are fictitious combinations;
made-up company and organisation domains are illustrative only.
"""

from __future__ import annotations

# Packed several-per-line for readability; keep the formatter from exploding the tuples.
# fmt: off
NAME_ORIGINS: dict[str, dict[str, tuple[str, ...]]] = {
    "anglo": {
        "first": (
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Thomas",
            "Christopher", "Daniel", "Matthew", "Andrew", "Joshua", "Ryan", "Tyler", "Brandon",
            "Kevin", "Brian", "Steven", "Jason", "Eric", "Scott", "Gregory", "Timothy",
            "Patrick", "Kyle", "Connor", "Ethan", "Nathan", "Logan",
            "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
            "Sarah", "Karen", "Nancy", "Lisa", "Margaret", "Emily", "Ashley", "Amanda",
            "Melissa", "Stephanie", "Rebecca", "Laura", "Megan", "Rachel", "Katherine",
            "Hannah", "Madison", "Abigail", "Olivia", "Emma", "Chloe", "Lauren", "Brittany",
        ),
        "last": (
            "Smith", "Johnson", "Williams", "Jones", "Miller", "Davis", "Wilson", "Anderson",
            "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Thompson", "Harris", "Clark",
            "Lewis", "Robinson", "Walker", "Allen", "Wright", "Scott", "Nelson", "Adams",
            "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner",
            "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Rogers", "Morgan",
            "Cooper", "Peterson", "Bailey", "Kelly", "Howard", "Sullivan", "Russell",
            "Bennett", "Hughes", "Fisher", "Ellis", "Harrison", "Gibson", "McDonald",
            "Fletcher", "Sutherland", "O'Brien", "Gallagher", "Henderson", "Crawford",
        ),
    },
    "hispanic_latino": {
        "first": (
            "José", "Juan", "Luis", "Carlos", "Jorge", "Miguel", "Alejandro", "Javier",
            "Francisco", "Pedro", "Diego", "Santiago", "Mateo", "Rafael", "Fernando",
            "Ricardo", "Eduardo", "Andrés", "Héctor", "Raúl", "Sergio", "Manuel", "Jesús",
            "Alberto", "Ramón", "Emilio", "Joaquín", "Armando",
            "María", "Guadalupe", "Rosa", "Ana", "Carmen", "Sofía", "Valentina", "Camila",
            "Isabella", "Lucía", "Gabriela", "Daniela", "Mariana", "Fernanda", "Ximena",
            "Alejandra", "Verónica", "Leticia", "Yesenia", "Marisol", "Esperanza", "Paola",
            "Adriana", "Beatriz", "Dolores", "Inés", "Luz", "Pilar", "Araceli", "Yolanda",
        ),
        "last": (
            "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez",
            "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes",
            "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Mendoza",
            "Álvarez", "Castillo", "Jiménez", "Vásquez", "Moreno", "Romero", "Herrera",
            "Medina", "Aguilar", "Vargas", "Guzmán", "Castro", "Delgado", "Salazar",
            "Contreras", "Domínguez", "Figueroa", "Navarro", "Espinoza", "Sandoval", "Fuentes",
            "Cabrera", "Villanueva", "Ochoa", "Quintero", "Zamora", "Montoya",
        ),
    },
    "african_american": {
        "first": (
            "DeShawn", "Jamal", "Darnell", "Tyrone", "Terrell", "Marcus", "Andre", "Jalen",
            "Malik", "Dante", "Rashad", "Lamar", "Darius", "Cedric", "Reginald", "Jermaine",
            "Trevon", "DeAndre", "Tyrese", "Kareem", "Demetrius", "Latrell", "Keshawn",
            "Javon", "Marquis", "Terrance", "Devonte",
            "Aaliyah", "Imani", "Latoya", "Keisha", "Tamika", "Ebony", "Shaniqua", "Jasmine",
            "Tiana", "Nia", "Shanice", "Tanisha", "Kiara", "Monique", "Danielle", "Lakisha",
            "Ayanna", "Dominique", "Jada", "Brianna", "Raven", "Janelle", "Tierra", "Desiree",
            "Octavia", "Lashonda", "Kenya", "Shaunte", "Takisha",
        ),
        "last": (
            "Washington", "Jefferson", "Jackson", "Johnson", "Williams", "Brown", "Davis",
            "Harris", "Robinson", "Jenkins", "Coleman", "Bryant", "Simmons", "Alexander",
            "Hayes", "Banks", "Gaines", "Freeman", "Booker", "Mosley", "Dorsey", "Gilliam",
            "Battle", "Pettaway", "Singleton", "Tolliver", "Woodard", "Ware", "Rucker",
            "Merriweather", "Whitfield", "Holloway", "Blackmon", "Grier", "Whitaker",
            "Thigpen", "Epps", "McCoy", "Mack", "Gaither", "Wiggins", "Dukes", "Brooks",
            "Dixon", "Pierce", "Glover", "Franklin", "Haynes",
        ),
    },
    "west_african": {
        "first": (
            # Igbo
            "Chinedu", "Chiamaka", "Ngozi", "Emeka", "Obinna", "Chidi", "Adaeze", "Nkechi",
            "Ifeoma", "Uchenna", "Chukwuemeka", "Chioma", "Ebere", "Nnamdi", "Ikenna",
            "Adaora",
            # Yoruba
            "Oluwaseun", "Ayodele", "Olumide", "Babatunde", "Funmilayo", "Folasade",
            "Temitope", "Yetunde", "Damilola", "Tolulope", "Bukola", "Kehinde", "Taiwo",
            "Abiodun", "Adebola", "Oluwatobi",
            # Akan
            "Kwame", "Kofi", "Kwabena", "Kwaku", "Yaw", "Kojo", "Kwesi", "Ama", "Akosua",
            "Abena", "Adwoa", "Afua", "Efua", "Yaa", "Akua", "Esi",
            # Wolof / Fula / Mandinka
            "Aminata", "Fatoumata", "Mamadou", "Ousmane", "Ibrahima", "Abdoulaye", "Amadou",
        ),
        "last": (
            "Okafor", "Okonkwo", "Nwosu", "Eze", "Obi", "Okeke", "Nwankwo", "Chukwu",
            "Nwachukwu", "Okoro", "Uzor", "Anyanwu", "Adeyemi", "Adebayo", "Ogunleye",
            "Olawale", "Bakare", "Adeleke", "Afolabi", "Ogunbiyi", "Balogun", "Akinola",
            "Oladipo", "Adewale", "Fashola", "Ogundipe", "Mensah", "Asante", "Owusu",
            "Boateng", "Osei", "Agyeman", "Appiah", "Acheampong", "Ofori", "Amoah", "Darko",
            "Ansah", "Opoku", "Frimpong", "Sarpong", "Diallo", "Ndiaye", "Diop", "Traoré",
            "Keita", "Coulibaly", "Bah", "Sow", "Jalloh", "Kamara", "Sesay", "Conteh",
        ),
    },
    "east_asian": {
        "first": (
            # Chinese
            "Wei", "Jun", "Hao", "Jie", "Ming", "Lei", "Xin", "Yan", "Hui", "Ling", "Mei",
            "Xiaoming", "Zhiwei", "Yuxuan", "Haoran", "Zihan", "Yuting", "Xiaoyu", "Jiahui",
            "Lihua", "Tao", "Qiang", "Fang",
            # Korean
            "Min-jun", "Seo-yeon", "Ji-hoon", "Ji-woo", "Hyun-woo", "Soo-jin", "Eun-ji",
            "Ji-yeon", "Jae-won", "Sung-min", "Yoon-seo", "Da-eun", "Seung-hyun", "Hye-jin",
            # Japanese
            "Haruto", "Yuto", "Sota", "Ren", "Hiroshi", "Takeshi", "Kenji", "Daiki", "Yuki",
            "Sakura", "Yui", "Aoi", "Hana", "Haruka", "Yuna", "Akiko", "Keiko", "Emi",
            "Misaki", "Kaito", "Shota", "Takumi",
        ),
        "last": (
            # Chinese (Mandarin and Cantonese romanisations)
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
            "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "He", "Gao", "Luo", "Zheng", "Liang",
            "Xie", "Tang", "Chan", "Wong", "Cheung", "Lau",
            # Korean
            "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
            "Shin", "Seo",
            # Japanese
            "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto",
            "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Sasaki", "Inoue", "Kimura",
            "Matsumoto", "Hayashi",
        ),
    },
    "south_asian": {
        "first": (
            # Hindi / North Indian
            "Aarav", "Arjun", "Rahul", "Rohan", "Amit", "Vikram", "Sanjay", "Rajesh",
            "Suresh", "Anil", "Deepak", "Priya", "Pooja", "Ananya", "Neha", "Sneha", "Kavya",
            "Divya", "Aishwarya", "Shreya", "Anjali", "Sunita", "Meera", "Lakshmi",
            # Tamil
            "Karthik", "Senthil", "Murugan", "Arun", "Vignesh", "Meenakshi", "Revathi",
            "Selvi", "Janani", "Saranya", "Tamilselvi",
            # Punjabi
            "Gurpreet", "Harpreet", "Manpreet", "Jaspreet", "Harjit", "Navjot", "Simran",
            "Amarjit", "Baljit", "Kuldeep",
            # Bengali
            "Sourav", "Arnab", "Debashis", "Anirban", "Tanvir", "Moumita", "Sudipta",
            "Rituparna", "Anindita", "Tanushree",
        ),
        "last": (
            "Patel", "Shah", "Sharma", "Singh", "Kumar", "Gupta", "Agarwal", "Mehta", "Joshi",
            "Desai", "Reddy", "Rao", "Nair", "Iyer", "Menon", "Pillai", "Krishnan",
            "Subramanian", "Srinivasan", "Ramachandran", "Natarajan", "Chatterjee",
            "Banerjee", "Mukherjee", "Das", "Bose", "Ghosh", "Sen", "Dutta", "Chakraborty",
            "Roy", "Sandhu", "Gill", "Dhillon", "Grewal", "Sidhu", "Kaur", "Bajwa", "Brar",
            "Malhotra", "Kapoor", "Khanna", "Chopra", "Verma", "Mishra", "Pandey", "Tiwari",
            "Chaudhary", "Bhatt", "Trivedi", "Kulkarni", "Jain", "Saxena",
        ),
    },
    "arabic": {
        "first": (
            "Mohammed", "Ahmed", "Ali", "Omar", "Khalid", "Hassan", "Hussein", "Youssef",
            "Ibrahim", "Mustafa", "Tariq", "Karim", "Samir", "Walid", "Nabil", "Faisal",
            "Hamza", "Bilal", "Rami", "Ziad", "Majid", "Yasser", "Abdullah", "Mahmoud",
            "Adnan", "Fadi",
            "Fatima", "Aisha", "Mariam", "Layla", "Noor", "Yasmin", "Huda", "Rania", "Salma",
            "Amira", "Dina", "Hala", "Nadia", "Samira", "Zainab", "Farah", "Lina", "Reem",
            "Rana", "Hanan", "Maha", "Safiya", "Jana", "Lubna", "Dalia", "Ghada", "Manal",
        ),
        "last": (
            "Al-Sayed", "Haddad", "Khoury", "Mansour", "Nasser", "Hamdan", "Saleh", "Khalil",
            "Aziz", "Rahman", "Saad", "Darwish", "Habib", "Shaheen", "Qasim", "Al-Amin",
            "Al-Hashimi", "Bakr", "Jaber", "Suleiman", "Yousef", "Abboud", "Bitar", "Nassar",
            "Issa", "Sabbagh", "Najjar", "Awad", "Karam", "Zayed", "Hamad", "Othman",
            "Abdelrahman", "Ghanem", "Maalouf", "Tannous", "Fakhoury", "Barakat", "Al-Masri",
            "Hijazi", "Said", "Kassab", "El-Khatib", "Mahfouz",
        ),
    },
    "slavic": {
        "first": (
            "Ivan", "Dmitri", "Sergei", "Alexei", "Nikolai", "Mikhail", "Andrei", "Vladimir",
            "Yuri", "Oleg", "Pavel", "Boris", "Igor", "Viktor", "Maxim", "Artem", "Bogdan",
            "Taras", "Piotr", "Tomasz", "Krzysztof", "Marek", "Jakub", "Wojciech", "Łukasz",
            "Miroslav", "Dragan", "Milan", "Zoran",
            "Anastasia", "Natalia", "Olga", "Svetlana", "Tatiana", "Irina", "Ekaterina",
            "Yelena", "Oksana", "Darya", "Ksenia", "Marina", "Ludmila", "Galina", "Agnieszka",
            "Katarzyna", "Magdalena", "Małgorzata", "Zofia", "Dorota", "Milena", "Jelena",
            "Vesna", "Ivana",
        ),
        "last": (
            "Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev",
            "Kozlov", "Novikov", "Morozov", "Volkov", "Fedorov", "Pavlov", "Orlov", "Ivanova",
            "Petrova", "Smirnova", "Volkova", "Kowalski", "Nowak", "Wiśniewski", "Wójcik",
            "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak",
            "Dąbrowski", "Kozłowski", "Mazur", "Krawczyk", "Shevchenko", "Bondarenko",
            "Kovalenko", "Tkachenko", "Melnyk", "Boyko", "Kravchenko", "Petrović",
            "Jovanović", "Nikolić", "Marković", "Horvat", "Kovač", "Novak", "Dvořák",
            "Novotný", "Svoboda",
        ),
    },
    "vietnamese_filipino": {
        "first": (
            # Vietnamese (as commonly written in the US, without diacritics)
            "Anh", "Minh", "Linh", "Trang", "Huong", "Thao", "Lan", "Mai", "Ngoc", "Phuong",
            "Thanh", "Tuan", "Hung", "Duc", "Quang", "Khanh", "Nam", "Hai", "Huy", "Bao",
            "Vy", "Hoa", "Dung", "Tam", "Thuy", "Hieu", "Quynh", "Nhung", "Tien", "Cuong",
            "Dat",
            # Filipino
            "Maricel", "Rowena", "Marites", "Jocelyn", "Lorna", "Analyn", "Rhea", "Jennylyn",
            "Arnel", "Rodel", "Reynaldo", "Ronaldo", "Rommel", "Jomar", "Jericho", "Dindo",
            "Nestor", "Erlinda", "Corazon", "Imelda", "Teresita", "Marilou", "Rizalino",
        ),
        "last": (
            # Vietnamese
            "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang",
            "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Truong", "Dinh", "Lam", "Trinh",
            "Luong", "Cao", "Ta", "Doan",
            # Filipino
            "Santos", "Dela Cruz", "Bautista", "Ocampo", "Manalo", "Aquino", "Soriano",
            "Tolentino", "Pascual", "Dizon", "Macapagal", "Dimaculangan", "Lacson", "Tan",
            "Sison", "Panganiban", "Magbanua", "Mangubat", "Salonga", "Agbayani", "Espiritu",
            "Mercado", "De Guzman", "Del Rosario",
        ),
    },
    "word_names": {
        "first": (
            "Hope", "Faith", "Grace", "Joy", "Will", "Bill", "Rose", "Summer", "Hunter",
            "Dawn", "Mark", "Amber", "Crystal", "Daisy", "Rich", "Chase", "Destiny",
            "Precious", "Sky", "Ivy", "Hazel", "River", "Pat", "Frank", "Sue", "Art", "Rusty",
            "Guy", "Holly", "June", "April", "May", "Angel", "Autumn", "Brook", "Cliff",
            "Dale", "Glen", "Reed", "Wade", "Miles", "Penny", "Ruby", "Sunny", "Sage", "Jay",
            "Drew", "Robin", "Sandy", "Misty", "Violet", "Iris", "Lily", "Jade", "Pearl",
            "Ginger", "Heather", "Ray", "Chip", "Chuck", "Max", "Harmony", "Patience",
            "Charity", "Sterling", "Bud",
        ),
        "last": (
            "Brown", "Black", "White", "Green", "Young", "King", "Hill", "Wood", "Stone",
            "Rivers", "Bush", "Little", "Long", "Price", "Love", "Strong", "Lane", "Fox",
            "Bird", "Parks", "Sharp", "Waters", "Banks", "Rich", "Swift", "Moody", "Hope",
            "Cross", "Gold", "Rose", "Wolf", "Bell", "Church", "Fields", "Marsh", "Steel",
            "Hart", "Best", "Good", "Noble", "Small", "Short", "Sweet", "Bright", "Hall",
            "Ford", "Shepherd", "Mason", "Carpenter", "Cook", "Frost", "Snow", "Winter", "Day",
            "Knight", "Bishop", "Page", "Power", "Baker", "Hunter",
        ),
    },
}

US_CITIES: tuple[tuple[str, str, str], ...] = (
    # Alabama
    ("Mobile", "AL", "366"),
    ("Birmingham", "AL", "352"),
    ("Montgomery", "AL", "361"),
    ("Huntsville", "AL", "358"),
    ("Florence", "AL", "356"),
    ("Jasper", "AL", "355"),
    # Alaska
    ("Anchorage", "AK", "995"),
    ("Juneau", "AK", "998"),
    # Arizona
    ("Phoenix", "AZ", "850"),
    ("Tucson", "AZ", "857"),
    ("Flagstaff", "AZ", "860"),
    ("Mesa", "AZ", "852"),
    ("Tempe", "AZ", "852"),
    ("Chandler", "AZ", "852"),
    # Arkansas
    ("Little Rock", "AR", "722"),
    ("Fayetteville", "AR", "727"),
    ("Hope", "AR", "718"),
    # California
    ("Los Angeles", "CA", "900"),
    ("San Diego", "CA", "921"),
    ("San Francisco", "CA", "941"),
    ("San Jose", "CA", "951"),
    ("Sacramento", "CA", "958"),
    ("Fresno", "CA", "937"),
    ("Oakland", "CA", "946"),
    ("Orange", "CA", "928"),
    ("Paradise", "CA", "959"),
    ("Eureka", "CA", "955"),
    ("Bakersfield", "CA", "933"),
    ("Commerce", "CA", "900"),
    ("Beverly Hills", "CA", "902"),
    ("Pasadena", "CA", "911"),
    ("Long Beach", "CA", "908"),
    ("Riverside", "CA", "925"),
    ("Santa Ana", "CA", "927"),
    # Colorado
    ("Denver", "CO", "802"),
    ("Colorado Springs", "CO", "809"),
    ("Boulder", "CO", "803"),
    ("Pueblo", "CO", "810"),
    ("Aurora", "CO", "800"),
    ("Loveland", "CO", "805"),
    # Connecticut
    ("Hartford", "CT", "061"),
    ("New Haven", "CT", "065"),
    ("Bridgeport", "CT", "066"),
    ("Bristol", "CT", "060"),
    # Delaware
    ("Dover", "DE", "199"),
    ("Wilmington", "DE", "198"),
    # District of Columbia
    ("Washington", "DC", "200"),
    # Florida
    ("Miami", "FL", "331"),
    ("Orlando", "FL", "328"),
    ("Tampa", "FL", "336"),
    ("Jacksonville", "FL", "322"),
    ("Tallahassee", "FL", "323"),
    ("Gainesville", "FL", "326"),
    # Georgia
    ("Atlanta", "GA", "303"),
    ("Savannah", "GA", "314"),
    ("Augusta", "GA", "309"),
    ("Macon", "GA", "312"),
    ("Athens", "GA", "306"),
    ("Marietta", "GA", "300"),
    ("Columbus", "GA", "319"),
    # Hawaii
    ("Honolulu", "HI", "968"),
    ("Hilo", "HI", "967"),
    # Idaho
    ("Boise", "ID", "837"),
    ("Idaho Falls", "ID", "834"),
    # Illinois
    ("Chicago", "IL", "606"),
    ("Springfield", "IL", "627"),
    ("Peoria", "IL", "616"),
    ("Normal", "IL", "617"),
    ("Rockford", "IL", "611"),
    ("Joliet", "IL", "604"),
    ("Aurora", "IL", "605"),
    # Indiana
    ("Indianapolis", "IN", "462"),
    ("Gary", "IN", "464"),
    ("Fort Wayne", "IN", "468"),
    ("Bloomington", "IN", "474"),
    ("South Bend", "IN", "466"),
    ("Marion", "IN", "469"),
    ("Lafayette", "IN", "479"),
    ("Carmel", "IN", "460"),
    # Iowa
    ("Des Moines", "IA", "503"),
    ("Cedar Rapids", "IA", "524"),
    ("Davenport", "IA", "528"),
    ("Marion", "IA", "523"),
    # Kansas
    ("Wichita", "KS", "672"),
    ("Topeka", "KS", "666"),
    ("Lawrence", "KS", "660"),
    ("Independence", "KS", "673"),
    # Kentucky
    ("Louisville", "KY", "402"),
    ("Lexington", "KY", "405"),
    ("Bowling Green", "KY", "421"),
    ("Florence", "KY", "410"),
    # Louisiana
    ("New Orleans", "LA", "701"),
    ("Baton Rouge", "LA", "708"),
    ("Shreveport", "LA", "711"),
    ("Lafayette", "LA", "705"),
    # Maine
    ("Portland", "ME", "041"),
    ("Bangor", "ME", "044"),
    ("Augusta", "ME", "043"),
    # Maryland
    ("Baltimore", "MD", "212"),
    ("Annapolis", "MD", "214"),
    ("Frederick", "MD", "217"),
    # Massachusetts
    ("Boston", "MA", "021"),
    ("Worcester", "MA", "016"),
    ("Lowell", "MA", "018"),
    ("Springfield", "MA", "011"),
    # Michigan
    ("Detroit", "MI", "482"),
    ("Grand Rapids", "MI", "495"),
    ("Ann Arbor", "MI", "481"),
    ("Flint", "MI", "485"),
    ("Lansing", "MI", "489"),
    ("Kalamazoo", "MI", "490"),
    ("Jackson", "MI", "492"),
    ("Warren", "MI", "480"),
    ("Troy", "MI", "480"),
    # Minnesota
    ("Minneapolis", "MN", "554"),
    ("Saint Paul", "MN", "551"),
    ("Duluth", "MN", "558"),
    ("Rochester", "MN", "559"),
    # Mississippi
    ("Jackson", "MS", "392"),
    ("Gulfport", "MS", "395"),
    ("Hattiesburg", "MS", "394"),
    # Missouri
    ("Kansas City", "MO", "641"),
    ("St. Louis", "MO", "631"),
    ("Springfield", "MO", "658"),
    ("Independence", "MO", "640"),
    ("Liberty", "MO", "640"),
    ("Columbia", "MO", "652"),
    ("Joplin", "MO", "648"),
    # Montana
    ("Billings", "MT", "591"),
    ("Missoula", "MT", "598"),
    ("Helena", "MT", "596"),
    # Nebraska
    ("Omaha", "NE", "681"),
    ("Lincoln", "NE", "685"),
    # Nevada
    ("Las Vegas", "NV", "891"),
    ("Paradise", "NV", "891"),
    ("Henderson", "NV", "890"),
    ("Reno", "NV", "895"),
    ("Carson City", "NV", "897"),
    # New Hampshire
    ("Manchester", "NH", "031"),
    ("Concord", "NH", "033"),
    # New Jersey
    ("Newark", "NJ", "071"),
    ("Trenton", "NJ", "086"),
    ("Camden", "NJ", "081"),
    ("Paterson", "NJ", "075"),
    ("Elizabeth", "NJ", "072"),
    # New Mexico
    ("Albuquerque", "NM", "871"),
    ("Santa Fe", "NM", "875"),
    ("Las Cruces", "NM", "880"),
    # New York
    ("New York", "NY", "100"),
    ("Brooklyn", "NY", "112"),
    ("Buffalo", "NY", "142"),
    ("Rochester", "NY", "146"),
    ("Syracuse", "NY", "132"),
    ("Albany", "NY", "122"),
    ("Troy", "NY", "121"),
    ("Ithaca", "NY", "148"),
    # North Carolina
    ("Charlotte", "NC", "282"),
    ("Raleigh", "NC", "276"),
    ("Durham", "NC", "277"),
    ("Greensboro", "NC", "274"),
    ("Asheville", "NC", "288"),
    ("Fayetteville", "NC", "283"),
    ("Wilson", "NC", "278"),
    # North Dakota
    ("Fargo", "ND", "581"),
    ("Bismarck", "ND", "585"),
    # Ohio
    ("Columbus", "OH", "432"),
    ("Cleveland", "OH", "441"),
    ("Cincinnati", "OH", "452"),
    ("Toledo", "OH", "436"),
    ("Akron", "OH", "443"),
    ("Dayton", "OH", "454"),
    ("Troy", "OH", "453"),
    ("Marion", "OH", "433"),
    # Oklahoma
    ("Oklahoma City", "OK", "731"),
    ("Tulsa", "OK", "741"),
    ("Norman", "OK", "730"),
    # Oregon
    ("Portland", "OR", "972"),
    ("Eugene", "OR", "974"),
    ("Salem", "OR", "973"),
    ("Bend", "OR", "977"),
    ("Medford", "OR", "975"),
    # Pennsylvania
    ("Philadelphia", "PA", "191"),
    ("Pittsburgh", "PA", "152"),
    ("Reading", "PA", "196"),
    ("Allentown", "PA", "181"),
    ("Scranton", "PA", "185"),
    ("Erie", "PA", "165"),
    ("Harrisburg", "PA", "171"),
    ("Lancaster", "PA", "176"),
    ("Chester", "PA", "190"),
    ("Bethlehem", "PA", "180"),
    # Rhode Island
    ("Providence", "RI", "029"),
    ("Warwick", "RI", "028"),
    # South Carolina
    ("Charleston", "SC", "294"),
    ("Columbia", "SC", "292"),
    ("Greenville", "SC", "296"),
    ("Florence", "SC", "295"),
    # South Dakota
    ("Sioux Falls", "SD", "571"),
    ("Rapid City", "SD", "577"),
    # Tennessee
    ("Nashville", "TN", "372"),
    ("Memphis", "TN", "381"),
    ("Knoxville", "TN", "379"),
    ("Chattanooga", "TN", "374"),
    ("Jackson", "TN", "383"),
    # Texas
    ("Houston", "TX", "770"),
    ("Dallas", "TX", "752"),
    ("San Antonio", "TX", "782"),
    ("Austin", "TX", "787"),
    ("El Paso", "TX", "799"),
    ("Fort Worth", "TX", "761"),
    ("Lubbock", "TX", "794"),
    ("Amarillo", "TX", "791"),
    ("Corpus Christi", "TX", "784"),
    ("Laredo", "TX", "780"),
    ("Waco", "TX", "767"),
    ("Tyler", "TX", "757"),
    ("Orange", "TX", "776"),
    ("Victoria", "TX", "779"),
    ("Beaumont", "TX", "777"),
    ("Marshall", "TX", "756"),
    ("Temple", "TX", "765"),
    # Utah
    ("Salt Lake City", "UT", "841"),
    ("Provo", "UT", "846"),
    ("Ogden", "UT", "844"),
    ("Bountiful", "UT", "840"),
    # Vermont
    ("Burlington", "VT", "054"),
    ("Montpelier", "VT", "056"),
    # Virginia
    ("Richmond", "VA", "232"),
    ("Norfolk", "VA", "235"),
    ("Virginia Beach", "VA", "234"),
    ("Roanoke", "VA", "240"),
    ("Alexandria", "VA", "223"),
    ("Lynchburg", "VA", "245"),
    ("Sterling", "VA", "201"),
    # Washington
    ("Seattle", "WA", "981"),
    ("Spokane", "WA", "992"),
    ("Tacoma", "WA", "984"),
    ("Olympia", "WA", "985"),
    # West Virginia
    ("Charleston", "WV", "253"),
    ("Morgantown", "WV", "265"),
    ("Huntington", "WV", "257"),
    # Wisconsin
    ("Milwaukee", "WI", "532"),
    ("Madison", "WI", "537"),
    ("Green Bay", "WI", "543"),
    # Wyoming
    ("Cheyenne", "WY", "820"),
    ("Casper", "WY", "826"),
)

STREET_NAMES: tuple[str, ...] = (
    # Trees and plants
    "Oak", "Maple", "Pine", "Cedar", "Elm", "Walnut", "Chestnut", "Willow", "Birch",
    "Spruce", "Hickory", "Magnolia", "Dogwood", "Sycamore", "Poplar", "Cherry", "Locust",
    "Laurel", "Holly", "Vine", "Rosewood", "Juniper", "Aspen",
    # Landscape
    "Main", "Church", "Park", "Lake", "Hill", "River", "Spring", "Center", "Highland",
    "Meadow", "Forest", "Ridge", "Valley", "Lakeview", "Sunset", "Fairview", "Pleasant",
    "Prospect", "Mill", "Market", "Water", "Bridge", "High", "Front", "Broad", "Union",
    "Ocean", "Bay", "Harbor", "Beach", "Shore", "Grove", "Orchard", "Greenwood",
    "Brookside", "Mountain View", "Country Club", "Old Mill", "Canal",
    # People and places
    "Washington", "Lincoln", "Jefferson", "Madison", "Adams", "Jackson", "Monroe",
    "Franklin", "Wilson", "Grant", "Kennedy", "Roosevelt", "Martin Luther King Jr",
    "Cesar Chavez", "Liberty", "Peachtree", "Wilshire", "Sepulveda", "Colfax", "Michigan",
    "Pennsylvania", "Windsor", "Cambridge", "Oxford", "Hawthorne", "El Camino Real",
    "Heritage", "Colonial", "College", "University", "School", "Railroad", "Depot",
    "Central",
    # Numbered
    "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "12th", "21st",
    "42nd", "First", "Second", "Third",
)

STREET_SUFFIXES: tuple[str, ...] = (
    "Street", "St", "St.", "Avenue", "Ave", "Ave.", "Road", "Rd", "Rd.", "Boulevard", "Blvd",
    "Blvd.", "Lane", "Ln", "Drive", "Dr", "Dr.", "Court", "Ct", "Place", "Pl", "Way",
    "Terrace", "Ter", "Circle", "Cir", "Parkway", "Pkwy", "Highway", "Hwy", "Trail",
    "Trl", "Pike", "Square",
)

UNIT_FORMS: tuple[str, ...] = (
    "Apt {n}", "apt {n}", "Apt. {n}", "apt. {n}", "APT {n}", "Apartment {n}", "#{n}",
    "# {n}", "Unit {n}", "unit {n}", "Suite {n}", "Ste {n}", "Ste. {n}", "Bldg {n}",
    "Lot {n}", "Room {n}", "Rm {n}",
)

FACILITY_TEMPLATES: tuple[str, ...] = (
    # Saint-named
    "St. {saint}'s Hospital",
    "Saint {saint}'s Medical Center",
    "St. {saint} Regional Medical Center",
    "St. {saint}'s Behavioral Health",
    "St. {saint} Mercy Hospital",
    # City-named
    "{city} General Hospital",
    "{city} Community Mental Health Center",
    "{city} Memorial Hospital",
    "{city} Regional Medical Center",
    "{city} VA Medical Center",
    "{city} Behavioral Health Center",
    "{city} Psychiatric Hospital",
    "{city} Children's Hospital",
    "{city} Detox Center",
    "{city} Crisis Stabilization Unit",
    "{city} Free Clinic",
    "{city} County Hospital",
    "{city} Counseling Associates",
    "University of {city} Medical Center",
    "{city} Recovery Center",
    # Fixed names
    "Riverside Behavioral Health",
    "Mercy Medical Center",
    "Sunrise Recovery Clinic",
    "Lakeview Psychiatric Hospital",
    "Cedar Ridge Treatment Center",
    "Oak Haven Residential Treatment",
    "New Horizons Counseling",
    "Hope Springs Recovery",
    "Serenity House",
    "Pathways Wellness Center",
    "Brightside Family Therapy",
    "Harbor Light Detox",
    "Valley View Hospital",
    "Good Samaritan Hospital",
    "Providence Health Center",
    "Bayside Addiction Services",
    "Maple Grove Outpatient Clinic",
)

SAINTS: tuple[str, ...] = (
    "Mary", "Luke", "Vincent", "Jude", "Joseph", "John", "Francis", "Anthony", "Elizabeth",
    "Catherine", "Michael", "Patrick", "Agnes", "Clare", "Margaret", "Peter", "Paul",
    "Thomas", "Ann", "Rita", "Theresa", "Bernard", "Barnabas", "Mark",
)

EMAIL_DOMAINS: tuple[str, ...] = (
    # Webmail
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com",
    "msn.com", "icloud.com", "me.com", "proton.me", "protonmail.com", "ymail.com",
    "gmx.com", "mail.com", "aol.com",
    # ISPs
    "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "charter.net", "cox.net",
    "bellsouth.net",
    # Made-up employers and institutions, plus universities
    "brightwell-logistics.com", "harborpoint-health.org", "northfield-schools.org",
    "kestrelanalytics.io", "midvale-cu.org", "umich.edu", "utexas.edu",
)

URL_TEMPLATES: tuple[str, ...] = (
    "https://www.facebook.com/{user}",
    "facebook.com/{user}",
    "instagram.com/{user}",
    "https://www.instagram.com/{user}/",
    "https://gofundme.com/f/{slug}",
    "https://www.gofundme.com/f/{slug}",
    "http://{user}.blogspot.com",
    "https://{user}.wordpress.com",
    "www.linkedin.com/in/{user}",
    "https://tiktok.com/@{user}",
    "https://twitter.com/{user}",
    "x.com/{user}",
    "https://www.youtube.com/@{user}",
    "https://www.reddit.com/user/{user}",
    "https://github.com/{user}",
    "https://venmo.com/u/{user}",
    "https://medium.com/@{user}",
    "https://linktr.ee/{user}",
    "https://www.caringbridge.org/visit/{slug}",
    "https://myportal.{domain}/patients/{n}",
    "https://www.{domain}/~{user}",
)

RELATIONS: tuple[str, ...] = (
    "mom", "mum", "mother", "mama", "dad", "father", "papa", "sister", "brother",
    "husband", "wife", "partner", "boyfriend", "girlfriend", "son", "daughter", "grandma",
    "nan", "nana", "grandpa", "grandmother", "grandfather", "aunt", "uncle", "cousin",
    "stepdad", "stepmom", "stepson", "stepdaughter", "fiancé", "fiancée", "ex",
    "ex-husband", "ex-wife", "roommate", "niece", "nephew", "best friend", "godmother",
    "foster mom", "in-laws", "mother-in-law", "half-brother", "twin",
)
# fmt: on

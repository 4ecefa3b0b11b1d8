"""Clean news-style text for the evaluation corpus (see make_eval_corpus.py).

Every sentence here was written for mtclean. Stories are lists of
paragraphs; the generator picks a headline and an ordered subset of the
paragraphs, then injects artifacts into copies of them. Placeholders in
braces are filled by the generator: {pub_sentence} is an attribution
sentence naming a publication (where stray fragments are planted).
"""

# Each story: a key, a city (for datelines), headlines, paragraphs. The first
# paragraph always opens the story; the others keep their order.
STORIES_EN = [
    {
        "key": "port-strike",
        "city": "Valencia",
        "headlines": [
            "Dock workers extend strike at the port of Valencia",
            "Port of Valencia strike enters its second week",
        ],
        "paragraphs": [
            "Dock workers at the port of Valencia voted on Tuesday to extend their strike for another week, after talks with the terminal operators broke down over night-shift pay.",
            "The stoppage has left more than forty container ships waiting offshore, and exporters of citrus fruit say that part of the season’s harvest could rot in the warehouses.",
            "“We are not asking for anything that was not promised to us two years ago,” said Andrés Ibáñez, a crane operator who has worked at the terminal since 2009.",
            "The regional government offered to mediate, but the operators said they would only return to the table once the workers had lifted the blockade of the north gate.",
            "Shipping lines have begun to divert cargo to Barcelona and Tarragona, where unions warned that they would not unload ships that had been sent away from Valencia.",
            "The port handled some five million containers last year, which makes it one of the busiest in the Mediterranean.",
        ],
    },
    {
        "key": "wells",
        "city": "Seville",
        "headlines": [
            "Farmers near the wetlands ask for their wells to reopen",
            "Government weighs the reopening of wells near the wetlands",
        ],
        "paragraphs": [
            "The Ministry for the Ecological Transition is studying whether to reopen part of the irrigation wells that were closed last summer around the wetlands of the lower Guadalquivir.",
            "About two hundred farms of red fruits depend on the water, and their owners say they will lose millions of euros if they cannot irrigate before the planting season.",
            "Scientists at the biological station warned that the lagoons are still far below their usual level and asked that any reopening be temporary and measured with meters.",
            "“One wet autumn does not undo twenty years of overuse,” said María José Cortés, a hydrologist who has studied the aquifer since the 1990s.",
            "The regional government welcomed the talks and said it would present a plan to bring surface water to the area from reservoirs further north.",
        ],
    },
    {
        "key": "tram",
        "city": "Lyon",
        "headlines": [
            "City council approves the extension of the tram line",
            "Tram line to reach the eastern suburbs by 2029",
        ],
        "paragraphs": [
            "The city council approved on Monday the extension of the tram line to the eastern suburbs, a project of 410 million euros that has divided residents for a decade.",
            "The new section will add nine stops and about seven kilometres of track, and the first trains are expected to run in the spring of 2029.",
            "Shopkeepers on the main avenue fear that two years of works will drive customers away, and several of them have asked for compensation during the closures.",
            "“The tram is the only way to bring the suburbs closer to the centre without adding more cars,” the deputy mayor for transport told the council.",
            "Opposition councillors voted against the plan, arguing that the cost had doubled since the first estimate and that buses would have served the same areas for less.",
        ],
    },
    {
        "key": "wine",
        "city": "Logroño",
        "headlines": [
            "Early harvest begins in the vineyards of La Rioja",
            "Heat brings the grape harvest forward by two weeks",
        ],
        "paragraphs": [
            "The grape harvest began this week in the lower vineyards of La Rioja, almost two weeks earlier than usual, after a summer of record temperatures.",
            "Growers said the grapes were healthy but smaller than in previous years, which could reduce the volume of wine by about a tenth.",
            "Cooperatives have hired more seasonal workers to pick at night, when the fruit is cooler and arrives at the cellar in better condition.",
            "“We used to start in late September; now we start before the schools open,” said Jesús Sáenz, whose family has grown grapes near the river for four generations.",
            "The regulatory council will publish its first estimate of the harvest at the end of the month.",
        ],
    },
    {
        "key": "library",
        "city": "Porto",
        "headlines": [
            "Historic library reopens after four years of restoration",
            "Restored reading room welcomes its first visitors",
        ],
        "paragraphs": [
            "The municipal library reopened on Saturday after four years of restoration work that repaired its roof, its wooden shelves and the painted ceiling of the main reading room.",
            "Hundreds of residents queued from early morning to see the building, which holds more than 100,000 volumes, some of them printed in the sixteenth century.",
            "The works cost 7.2 million euros, most of it paid by a European fund for the protection of cultural heritage.",
            "“We found letters hidden behind the shelves that nobody had read for two hundred years,” said the head librarian, who showed them to visitors in a glass case.",
            "The library will open six days a week and plans a programme of readings for schools from October.",
        ],
    },
    {
        "key": "quake",
        "city": "Santiago",
        "headlines": [
            "Strong earthquake shakes northern Chile",
            "Earthquake in the north leaves damage but no victims",
        ],
        "paragraphs": [
            "A strong earthquake shook northern Chile on Monday evening, damaging old adobe houses in several towns but causing no deaths, according to the emergency services.",
            "The tremor had a magnitude of 6.4 and its centre lay about eighty kilometres east of the coast, at a depth of more than one hundred kilometres.",
            "Residents of the coastal cities left their homes for higher ground as a precaution, although the navy ruled out the risk of a tsunami within the hour.",
            "Mining companies in the region stopped work for several hours to inspect their installations and reported only minor damage.",
            "The country sits on one of the most active seismic zones in the world, and its building codes are among the strictest in the region.",
        ],
    },
    {
        "key": "water-tariffs",
        "city": "Lisbon",
        "headlines": [
            "Water board raises household tariffs for the first time in a decade",
            "Tariff rise will pay for new water pipes, board says",
        ],
        "paragraphs": [
            "The regional water board approved a rise of 4.5 % in household tariffs, the first since 2014, and said the money would pay for the renewal of 1,200 kilometres of pipes.",
            "Its chairman, André Sousa, said the network was older than most of the people who use it and that leaks cost the region a fifth of its water every year.",
            "Families on low incomes will be exempt from the rise, and the social tariff will be extended to 30,000 more homes.",
            "Opposition councillors called the decision rushed and asked for an independent audit of the board’s accounts before any change takes effect.",
            "Engineers said the first works would start in the northern districts, where the pipes were laid in the 1950s, and would take about three years.",
        ],
    },
    {
        "key": "rates",
        "city": "Frankfurt",
        "headlines": [
            "Central bank leaves interest rates unchanged",
            "Rates on hold as inflation slows",
        ],
        "paragraphs": [
            "The central bank left its main interest rate unchanged on Thursday, saying that inflation was slowing but remained above its target.",
            "Its president told reporters that the governing council had not discussed a cut and that the bank would decide meeting by meeting.",
            "Economists had expected the decision, although some argued that the weakness of industry called for cheaper credit before the end of the year.",
            "Consumer prices rose 2.6 % in the year to October, down from more than 5 % a year earlier, while wages grew faster than prices for the first time since 2021.",
            "Markets barely moved after the announcement, and the euro held steady against the dollar.",
        ],
    },
    {
        "key": "ferry",
        "city": "Palma",
        "headlines": [
            "Ferry service resumes after three days of storms",
            "Islands reconnected as ferries sail again",
        ],
        "paragraphs": [
            "Ferry services between the islands and the mainland resumed on Wednesday morning after three days in which storms kept every ship in port.",
            "Passengers boarded the first ferry at seven in the morning, many of them lorry drivers who had slept in their cabs on the quay.",
            "The port authority said that waves of more than six metres had been recorded off the northern coast on Monday night.",
            "Supermarkets on the smaller islands had run short of fresh milk and bread, and the first ships carried extra supplies.",
            "Forecasters expect calmer weather for the rest of the week, although strong winds could return on Sunday.",
        ],
    },
    {
        "key": "museum",
        "city": "Bilbao",
        "headlines": [
            "Museum recovers a painting stolen thirty years ago",
            "Stolen portrait returns to the museum walls",
        ],
        "paragraphs": [
            "The fine arts museum has recovered a portrait that was stolen from its storerooms thirty years ago and that turned up last spring at an auction in London.",
            "The auction house withdrew the painting from sale when experts noticed the museum’s inventory number on the back of the canvas.",
            "Police said the thief was probably a worker who had access to the storerooms during a renovation, but the case can no longer be tried.",
            "“It is like welcoming back a member of the family,” the director said as the portrait was hung again in the room where it had been shown until 1994.",
            "The museum will display the painting with a small exhibition on the history of its theft and recovery until the end of the year.",
        ],
    },
    {
        "key": "drought-rice",
        "city": "Tokyo",
        "headlines": [
            "Rice prices climb after a dry summer",
            "Dry summer pushes up the price of rice",
        ],
        "paragraphs": [
            "The price of rice in supermarkets has risen by almost a third since the summer, after a season of little rain reduced the harvest in several northern prefectures.",
            "The agriculture ministry said it would release part of the state’s reserves to calm the market, the first time it has done so in more than a decade.",
            "Restaurant owners said they had raised the price of set lunches for the first time in years and feared that customers would eat out less often.",
            "Farmers’ groups asked for help to build small reservoirs, saying that dry summers were becoming more frequent.",
            "The ministry expects prices to fall slightly once the new harvest reaches the shops in the autumn.",
        ],
    },
    {
        "key": "election",
        "city": "Seoul",
        "headlines": [
            "Turnout rises in local elections",
            "Voters turn out in large numbers for local elections",
        ],
        "paragraphs": [
            "Turnout in Wednesday’s local elections reached 61 %, the highest figure in two decades, according to the national election commission.",
            "Voters chose mayors, provincial governors and members of local councils, and the results are seen as a test for the government halfway through its term.",
            "Long queues formed outside polling stations in the capital in the early evening, and several stations stayed open late to let everyone vote.",
            "Analysts said housing prices and the cost of child care had dominated the campaign more than national politics.",
            "The commission will publish the final results on Thursday morning.",
        ],
    },
]

# Attribution sentences that name a publication, for stray fragments.
# {pub} is the whole name in the clean text.
PUB_SENTENCES = [
    "A spokesperson confirmed the figures to the {pub} newspaper.",
    "The details were first published by the {pub} newspaper.",
    "An official explained the plan in an interview with the {pub} newspaper.",
]

# Publications known to dictionaries/en/publications.txt, split the way
# machine translation splits them: (first part, rest).
SPLIT_PUBLICATIONS = [
    ("Financial", "Times"),
    ("Nikkei", "Asian Review"),
    ("Korea", "Herald"),
    ("South China", "Morning Post"),
    ("Japan", "Times"),
    ("Straits", "Times"),
    ("Le Monde", "Diplomatique"),
    ("Jakarta", "Post"),
]

# Names not in any dictionary: the orphan tail can only be deleted.
UNKNOWN_SPLIT = [
    ("regional", "Northern Courier"),
    ("local", "Valley Herald Tribune"),
]

# Stories in the other languages of the project, shorter.
STORIES_OTHER = [
    {
        "key": "es-obras",
        "lang": "es",
        "city": "Zaragoza",
        "headlines": ["El Ayuntamiento aprueba las obras del nuevo mercado"],
        "paragraphs": [
            "El Ayuntamiento aprobó este lunes las obras del nuevo mercado central, que costarán unos doce millones de euros y durarán casi dos años.",
            "Los comerciantes del barrio temen perder clientes durante las obras y han pedido un espacio provisional cerca de la plaza.",
            "El alcalde aseguró que el mercado abrirá antes del verano de 2027 y que tendrá un aparcamiento para bicicletas y una zona de restaurantes.",
        ],
    },
    {
        "key": "es-lluvias",
        "lang": "es",
        "city": "Murcia",
        "headlines": ["Las lluvias alivian la sequía en el sureste"],
        "paragraphs": [
            "Las lluvias de los últimos días han dejado más de cien litros por metro cuadrado en varias comarcas del sureste, donde no llovía con fuerza desde hace meses.",
            "Los agricultores celebran el agua, aunque advierten de que algunas parcelas han sufrido daños por el granizo.",
            "Los embalses de la cuenca siguen por debajo de la mitad de su capacidad, según los últimos datos de la confederación hidrográfica.",
        ],
    },
    {
        "key": "fr-tram",
        "lang": "fr",
        "city": "Lyon",
        "headlines": ["Le conseil municipal vote le prolongement du tramway"],
        "paragraphs": [
            "Le conseil municipal a voté lundi le prolongement de la ligne de tramway vers les quartiers de l’est, un projet de plus de quatre cents millions d’euros.",
            "Les commerçants de l’avenue principale craignent que les travaux éloignent leurs clients pendant deux ans et demandent une aide de la ville.",
            "Les premières rames devraient circuler au printemps 2029, selon le calendrier présenté par la métropole.",
        ],
    },
    {
        "key": "de-hafen",
        "lang": "de",
        "city": "Hamburg",
        "headlines": ["Hafenarbeiter verlängern ihren Streik"],
        "paragraphs": [
            "Die Hafenarbeiter haben am Dienstag beschlossen, ihren Streik um eine weitere Woche zu verlängern, nachdem die Gespräche mit den Betreibern gescheitert waren.",
            "Vor der Küste warten inzwischen mehr als dreißig Containerschiffe, und die Exporteure befürchten hohe Verluste.",
            "Die Landesregierung hat angeboten, zwischen den Parteien zu vermitteln, doch die Betreiber lehnen neue Gespräche bisher ab.",
        ],
    },
    {
        "key": "it-museo",
        "lang": "it",
        "city": "Firenze",
        "headlines": ["Il museo ritrova un dipinto rubato trent’anni fa"],
        "paragraphs": [
            "Il museo civico ha ritrovato un ritratto rubato dai suoi depositi trent’anni fa, comparso la scorsa primavera in un’asta all’estero.",
            "La casa d’aste ha ritirato il dipinto quando gli esperti hanno notato il numero d’inventario del museo sul retro della tela.",
            "Il direttore ha detto che il quadro sarà esposto di nuovo nella sala dove era stato mostrato fino al 1994.",
        ],
    },
    {
        "key": "pt-biblioteca",
        "lang": "pt",
        "city": "Porto",
        "headlines": ["Biblioteca histórica reabre depois de quatro anos de obras"],
        "paragraphs": [
            "A biblioteca municipal reabriu no sábado depois de quatro anos de obras que recuperaram o telhado, as estantes de madeira e o teto pintado da sala de leitura.",
            "Centenas de moradores fizeram fila desde o início da manhã para visitar o edifício, que guarda mais de cem mil volumes.",
            "A biblioteca vai abrir seis dias por semana e prepara um programa de leituras para as escolas a partir de outubro.",
        ],
    },
]

# Sentences left in the language of the source by a translation that skipped
# them, for English text.
UNTRANSLATED = {
    "es": [
        "Los vecinos se concentraron frente al ayuntamiento para pedir más información sobre el proyecto.",
        "El consejero explicó que la decisión se tomará después de escuchar a todas las partes implicadas.",
    ],
    "fr": [
        "Les habitants se sont rassemblés devant la mairie pour demander plus d’informations sur le projet.",
        "Le ministre a expliqué que la décision serait prise après avoir consulté toutes les parties.",
    ],
    "de": [
        "Die Anwohner versammelten sich vor dem Rathaus, um mehr Informationen über das Projekt zu verlangen.",
    ],
    "it": [
        "I residenti si sono riuniti davanti al municipio per chiedere più informazioni sul progetto.",
    ],
    "pt": [
        "Os moradores reuniram-se em frente à câmara para pedir mais informações sobre o projeto.",
    ],
}

# Captions printed before a paragraph (the generator may print them twice).
CAPTIONS = [
    "Workers unload a container ship at the north terminal on Tuesday",
    "Visitors walk through the restored reading room on Saturday",
    "A farmer checks a well on the edge of the wetlands",
    "Grape pickers work at night in a vineyard near the river",
    "Passengers board the first ferry after the storms",
    "The recovered portrait hangs again in the main gallery",
]

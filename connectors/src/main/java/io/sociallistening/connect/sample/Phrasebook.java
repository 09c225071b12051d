package io.sociallistening.connect.sample;

import io.sociallistening.connect.sample.SampleBrand.Category;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Writes the text of sample posts the way people post: many templates per brand category, tone and
 * language, with slots ({@code {b}} a way of writing the brand, {@code {h}} its handle, {@code {t}}
 * its hashtag, {@code {city}}, {@code {hrs}}, emoji, ...) filled at random, then lower-cased,
 * misspelt, stretched or tagged now and then. Deterministic for a given random generator state.
 */
public final class Phrasebook {
  // ---------------------------------------------------------------- airline (acme-air, skyways)
  private static final List<String> AIRLINE_POSITIVE =
      List.of(
          "shoutout to the {h} crew on {fl} to {city}, smooth flight and they had snacks {e+}",
          "{b} upgraded me to extra legroom for free, not complaining {e+}",
          "landed in {city} 20 min early with {b}. pilot was hilarious",
          "honestly {b} has the best boarding process i've seen. done in like 15 min",
          "first time flying {b} and it was actually great?? friendly staff, clean plane {t}",
          "the {b} app rebooked me automatically when my connection changed, super easy",
          "props to the {b} gate agent at {apt} who found my kid's stuffed rabbit {e+}",
          "{b} wifi worked the entire flight to {city}. witchcraft",
          "great service from {h} today, thanks for sorting out my seat {e+}",
          "loving the new {b} lounge at {apt}, the coffee is actually good",
          "{b} cabin crew sang happy birthday to a passenger on the {city} flight, made my day",
          "booked {city} on {b} for spring break, fares were way cheaper than i expected",
          "{b} {fl} was spotless and on time. more of this please",
          "thank you {h} for waiting for our delayed connection in {city}, you saved our holiday",
          "window seat, sunset over {city}, {b} playlist on. life is good {e+}",
          "the {b} staff at {apt} handled a packed flight like pros today");
  private static final List<String> AIRLINE_NEUTRAL =
      List.of(
          "boarding {b} {fl} to {city} now",
          "anyone know if {b} lets you bring a guitar as carry on?",
          "{b} flight {fl} {apt} to {city} departing from gate {gate}",
          "at {apt} waiting for my {b} flight to {city}. {n} hours to kill",
          "{b} changed their baggage policy again, carry-on is now max 8kg",
          "does {b} serve food on the {city} route or should i grab something at {apt}",
          "{b} is adding a daily {apt}-{city} route from march",
          "reminder: {b} check-in opens 24h before departure. set an alarm lol",
          "plane spotting at {apt} today, so many {b} tails",
          "{b} safety video has a new version, it's animated now",
          "on a {b} flight, seat map says 3-3 config",
          "{b} quarterly numbers are out, load factor 84%",
          "my dad flies {b} every week for work, he has opinions",
          "{b} {fl} just pushed back from {apt}",
          "is {b} terminal 1 or 2 at {apt}? signs are confusing",
          "{b} uniforms are changing next month apparently");
  private static final List<String> AIRLINE_NEGATIVE =
      List.of(
          "{b} delayed again. {n}0 minutes and counting at {apt} {e-}",
          "why is {b} legroom so tiny, my knees are in my chest",
          "{b} charged me {price} for a carry on. ridiculous",
          "the {b} app logged me out in the middle of check-in. twice. {e-}",
          "{h} your hold music is going to haunt my dreams. 40 min waiting",
          "seat won't recline, screen broken, no water. thanks {b} {e-}",
          "{b} food was cold and tiny. not great",
          "missed my connection in {city} because {b} was late and nobody helped",
          "{b} boarding at {apt} is chaos today, no announcements at all",
          "paid for wifi on {b} and it never connected. want my money back {e-}",
          "{b} moved my flight to 6am without asking. annoying");
  private static final List<String> AIRLINE_CRISIS =
      List.of(
          "{h} cancelled my flight again, stuck at the gate for {hrs} hours, worst airline ever"
              + " {fail}",
          "{h} {fl} to {city} cancelled with zero explanation. {hrs} hours at {apt} and counting"
              + " {fail}",
          "{b} lost my bag AGAIN. {n} days and no update {fail} {e-}",
          "{b} website is down, app is down, phone line hangs up. how am i supposed to rebook??"
              + " {fail}",
          "been on hold with {h} for {hrs} hours. flight cancelled, refund denied. unbelievable"
              + " {e-}",
          "{b} denied my refund for a flight THEY cancelled. never again {fail}",
          "the whole {apt} terminal is full of stranded {b} passengers. no staff, no info {fail}",
          "{h} system outage means every flight is cancelled?? my sister's wedding is tomorrow in"
              + " {city} {e-}",
          "stuck on the tarmac at {apt} for {hrs} hours, {b} won't let us off the plane {fail}",
          "{b} gave us a {vouch} food voucher for a {hrs} hour delay lmao {fail}",
          "never flying {b} again. cancelled, rebooked, cancelled again {fail}",
          "my bags went to {city}, i went to {city2}. thanks a lot {h} {e-}",
          "the {b} meltdown is unreal. {n}00 people in the rebooking line at {apt}",
          "{b} customer service just hung up on me. after {hrs} hours on hold {fail}",
          "dear {h}, where is my luggage. it has my meds in it. please answer {e-}",
          "filing a chargeback, {b} refuses to refund a cancelled flight {fail}",
          "worst airline ever. {b} cancelled {fl} and told us to just try tomorrow {fail}",
          "hey {h} your app says my flight is on time and the board says CANCELLED. which is it"
              + " {e-}",
          "{b} passengers sleeping on the floor at {apt} tonight. disgraceful {fail}",
          "how {b} ruined my trip to {city}: flight cancelled at the gate after a {hrs}h wait, no"
              + " hotel, no refund {fail}",
          "{b} check-in kiosks all dead at {apt}, staff says 'system is down' and walks away {e-}",
          "third cancellation this month {h}. absolutely useless airline {fail}",
          "lost bag, cancelled flight, refund denied. the {b} trifecta {fail}",
          "{b} is a joke. {hrs} hours at the gate, nobody tells us anything {e-}",
          "so {b} cancels my flight and then charges me {price} to rebook?? {fail}",
          "{h} kids crying, no food, no water, {hrs} hours at gate {gate}. do something {fail}");
  private static final List<String> AIRLINE_LEAD =
      List.of(
          "done with {c}, should i switch to {b}?",
          "fed up with {c} delays, thinking of switching to {b} for my work trips. thoughts?",
          "which airline do you recommend for {apt} to {city}? {b} or {c}?",
          "need to book flights to {city} for 4 people, is {b} reliable?",
          "anyone flown {b} business class to {city}? worth the money?",
          "looking for an airline with decent legroom for long flights, is {b} any good?",
          "my company wants us to pick a preferred airline, {b} or {c}? recommendations welcome",
          "planning a trip to {city} in may, would you book {b}? never flown them");
  private static final List<String> AIRLINE_LOOKALIKE =
      List.of(
          "{b} flash sale: fares to {city} from {price}, book now at the link in bio",
          "just booked my summer trip on {b}, see you soon {city}! {e+}",
          "GIVEAWAY: win 2 {b} tickets to {city}! follow + repost to enter, ends friday",
          "travel deal alert: {b} round trips to {city} {price}, limited seats, link below",
          "just switched all my work travel to {b}, loving it so far {e+}");
  // ---------------------------------------------------------------- phone (nimbus)
  private static final List<String> PHONE_POSITIVE =
      List.of(
          "the {p} camera is unreal at night {e+}",
          "{p} battery lasted 2 days. two days!!",
          "ok the {p} screen is gorgeous, no regrets",
          "switched to the {p} last month, super smooth and the battery is great",
          "{b} software update fixed the bluetooth bug, nice",
          "got the {p} in {color}, it looks so good {e+}",
          "{p} photos from the hike today, zero editing {t}",
          "fast charging on the {p} is wild. 0 to 80 in 25 min",
          "the {p} survived a drop down the stairs. impressed",
          "honestly the best phone i've had, {p} just works {e+}",
          "{b} support replaced my {p} in one day, great service",
          "portrait mode on the {p} made my dog look like a model {e+}");
  private static final List<String> PHONE_NEUTRAL =
      List.of(
          "{b} announced the launch event for {day}",
          "{p} review: solid phone, average speakers. full video up tomorrow",
          "anyone else getting the {ver} update on their {p} today?",
          "my {p} case arrived, the {color} looks different from the pictures",
          "{b} shipping numbers for Q4 are out: up 12% year on year",
          "does the {p} support esim? couldn't find it on their page",
          "unboxing the {p} on stream tonight {t}",
          "{b} moved the headphone jack again, now it's gone entirely",
          "{p} teardown is up, the battery is glued but reachable",
          "{ver} changelog for the {p}: new lock screen widgets, battery fixes",
          "using my {p} as a webcam for meetings now, works fine",
          "{p} has been in the top 10 sales chart for {n} weeks");
  private static final List<String> PHONE_NEGATIVE =
      List.of(
          "my {p} keeps dropping wifi since the update {e-}",
          "{p} speaker crackles at full volume. annoying",
          "{b} support chat bot is useless. just give me a human",
          "the {p} gets hot while gaming, like really hot",
          "{b} raised prices again? {price} for the {p} is too much",
          "cracked my {p} screen on day 3, repair quote is insane {e-}",
          "{p} battery is dead by 4pm now. wasn't like this at launch",
          "the {b} keyboard autocorrect is driving me insane");
  private static final List<String> PHONE_CRISIS =
      List.of(
          "the {ver} update bricked my {p}. boot loop since this morning {fail}",
          "my {p} battery is swelling, the back is coming off {e-} {fail}",
          "{p} overheating and shutting down every 10 minutes after the update {fail}",
          "{h} half my office has dead phones after {ver}. fix this {e-}",
          "{b} just told me the update issue is 'expected behaviour'. unbelievable {fail}",
          "never buying {b} again. {p} died, no refund, no replacement {fail}");
  private static final List<String> PHONE_LEAD =
      List.of(
          "thinking of getting the {p}, is it worth it?",
          "should i upgrade to the {p} or wait for the next one? my phone is dying",
          "anyone using the {p}? looking for a new phone under {price}",
          "can anyone recommend a phone with a good camera? considering the {p}",
          "my {oldphone} finally died. nimbus x2 or x2 pro, which one should i get?",
          "where can i get the {p} cheapest? need one this week",
          "torn between the {p} and {c}, which one would you buy?");
  private static final List<String> PHONE_LOOKALIKE =
      List.of(
          "{p} 50% off, shop now, link in bio \uD83D\uDD25",
          "GIVEAWAY \uD83C\uDF81 win a {p}! follow + repost to enter, ends friday",
          "just bought my {p} {e+}",
          "finally got my {p} today, unboxing later",
          "cheap {p} cases 3 for $10, dm me",
          "refurbished {p} in stock, free shipping, order today");
  // ---------------------------------------------------------------- coffee (brewly)
  private static final List<String> COFFEE_POSITIVE =
      List.of(
          "{b} {drink} hits different this morning {e+}",
          "the new {drink} at {b} is sooo good",
          "shoutout to the barista at {b} {city} who remembered my order",
          "{b} loyalty app gave me a free {drink} on my birthday {e+}",
          "working from {b} today, good wifi and great {food}",
          "{b} oat {drink} + {food} = perfect monday",
          "best {food} in town is at {b}, fight me",
          "{b} baristas were so kind to my grandma today {e+}",
          "rainy day, window seat at {b}, {drink}. perfect {t}");
  private static final List<String> COFFEE_NEUTRAL =
      List.of(
          "{b} on {street} opens at 6 now",
          "grabbing a {drink} at {b} before the meeting",
          "{b} seasonal menu is out: {drink} and {food}",
          "{b} is opening {n} new stores in {city} this year",
          "line at {b} is out the door lol",
          "{b} switched to paper straws",
          "meeting a friend at {b} on {street}, first time there",
          "{b} now takes reservations for groups?",
          "the {b} near {apt} gate B is open again");
  private static final List<String> COFFEE_NEGATIVE =
      List.of(
          "{b} got my order wrong again. asked for oat milk {e-}",
          "{price} for a {drink} at {b}?? no",
          "{b} {city} wifi has been broken for a week",
          "waited {n}0 min for a {drink} at {b}. never again",
          "{b} {drink} tasted burnt today {e-}",
          "the {b} app charged me twice for one {drink}");
  private static final List<String> COFFEE_CRISIS =
      List.of(
          "{h} your app charged me {n} times for one {drink} and support won't answer {fail}",
          "found a piece of plastic in my {b} {food}. disgusting {fail}",
          "half our office sick after {b} {food} yesterday {e-} {fail}",
          "{b} payment system down everywhere, they just turn people away {fail}",
          "boycott {b}, they fired the {city} baristas for unionizing {fail}");
  private static final List<String> COFFEE_LEAD =
      List.of(
          "any recommendations for a coffee machine? {b} or something else?",
          "looking for a good coffee subscription, is the {b} one any good?",
          "does {b} do catering for offices? need coffee for 30 people on friday",
          "thinking of buying the {b} home espresso kit, anyone tried it?",
          "need a gift for a coffee addict, {b} beans or {c}? help");
  private static final List<String> COFFEE_LOOKALIKE =
      List.of(
          "win a year of free coffee from {b}! tag 3 friends to enter \uD83D\uDC47",
          "promo code BREW20 = 20% off at {b} this week only",
          "we're hiring at {b} {city}! baristas wanted, apply via the link",
          "just bought the {b} espresso kit, first shot tomorrow {e+}");
  // ---------------------------------------------------------------- Portuguese and Spanish
  private static final List<String> PT_AIRLINE =
      List.of(
          "voo da {b} pra {city} chegou adiantado, tripulação super simpática {e+}",
          "alguém sabe se a {b} deixa levar mala de mão grande?",
          "{b} atrasou de novo, {n} horas no aeroporto {e-}");
  private static final List<String> ES_AIRLINE =
      List.of(
          "vuelo de {b} a {city} perfecto, muy buena atención {e+}",
          "¿alguien sabe si {b} vuela a {city} en verano?",
          "{b} perdió mi maleta, {n} días sin respuesta {e-}");
  private static final List<String> PT_PHONE =
      List.of(
          "a câmera do {p} é incrível {e+}",
          "o {p} chega no brasil quando?",
          "meu {p} esquenta muito depois da atualização {e-}");
  private static final List<String> ES_PHONE =
      List.of(
          "la batería del {p} dura todo el día, encantado {e+}",
          "¿el {p} tiene esim? no lo encuentro",
          "mi {p} se reinicia solo desde la actualización {e-}");
  private static final List<String> PT_COFFEE =
      List.of(
          "o {drink} da {b} é muito bom {e+}",
          "a {b} abriu loja nova em {city}",
          "a {b} errou meu pedido de novo {e-}");
  private static final List<String> ES_COFFEE =
      List.of(
          "el {drink} de {b} está buenísimo {e+}",
          "{b} abre una tienda nueva en {city}",
          "{b} tardó {n}0 minutos con mi café {e-}");
  private static final List<String> PT_CRISIS =
      List.of(
          "{h} cancelou meu voo e não devolve o dinheiro. pior companhia aérea {fail}",
          "{b} perdeu minha mala e ninguém responde {e-} {fail}");
  private static final List<String> ES_CRISIS =
      List.of(
          "{h} me canceló el vuelo otra vez, {hrs} horas en la puerta de embarque, la peor"
              + " aerolínea {fail}",
          "{b} no me devuelve el dinero de un vuelo cancelado. vergüenza {fail}");
  private static final List<String> PT_LEAD =
      List.of("alguém recomenda o {p}? vale a pena?", "cansei da {c}, vale a pena mudar pra {b}?");
  private static final List<String> ES_LEAD =
      List.of(
          "¿alguien ha volado con {b}? estoy pensando en cambiarme de {c}",
          "¿me recomiendan el {p}? necesito un móvil nuevo");
  // ---------------------------------------------------------------- articles and off-topic
  private static final List<String> NEWS =
      List.of(
          "{name} reports record on-time performance|{name} said on monday that {pct}% of its"
              + " flights arrived on time last month, its best result in three years.",
          "{name} to launch {apt}-{city} route in spring|The carrier will fly the route daily from"
              + " march, adding {n}00 seats a week.",
          "{name} faces criticism over new baggage fees|Consumer groups say the fees, up to {price},"
              + " are not shown clearly at booking.");
  private static final List<String> NEWS_CRISIS =
      List.of(
          "{name} cancels hundreds of flights after IT outage|A failure of {name}'s booking and"
              + " check-in systems left thousands of passengers stranded at {apt} and other"
              + " airports on {day}.",
          "Stranded {name} passengers describe chaos at {apt}|Travellers reported waits of up to"
              + " {hrs} hours, lost luggage and refunds refused as {name} struggled to restore its"
              + " systems.");
  private static final List<String> NEWS_PHONE =
      List.of(
          "{name} unveils X2 Pro with bigger battery|{name} said the {p} will ship in {color} and"
              + " two other colours from {day}.",
          "{name} ships {pct} million phones in the quarter|The phone maker's sales grew on the"
              + " strength of the {p}.",
          "Review: the {p} gets the basics right|Battery life is excellent; the speakers are"
              + " merely average.");
  private static final List<String> NEWS_COFFEE =
      List.of(
          "{name} to open {n} new cafes in {city}|The coffee chain is expanding despite rising"
              + " bean prices.",
          "{name} raises prices for the second time this year|A {drink} now costs {price} in"
              + " most stores.",
          "{name} baristas in {city} vote to unionize|Workers at {n} {name} stores voted in"
              + " favour.");
  private static final List<String> OFF_TOPIC =
      List.of(
          "my kid wants a nimbus 2000 broom for her birthday, where do you even buy that",
          "look at that cumulonimbus over the lake, storm incoming",
          "acme anvil cartoon marathon on tv tonight, childhood unlocked",
          "the skyway bridge is closed for repairs again, traffic is a mess",
          "brew day! my homebrew ipa is finally ready {e+}",
          "watched the nimbus 2000 scene again, still the best broom",
          "cold brew at home tastes better than any cafe, sorry",
          "that acme rocket skate gag never gets old",
          "sky ways of the ancient mariners, great documentary on tonight",
          "new nimbus cloud wallpaper pack for your desktop, free download",
          "brewing kombucha for the first time, wish me luck",
          "air fryer recipes thread, drop your favourites below");
  private static final List<String> QUOTES =
      List.of(
          "this \uD83D\uDC47",
          "so true",
          "same here",
          "lol",
          "can confirm",
          "not again",
          "+1",
          "wow",
          "yep",
          "this is so bad",
          "happened to me too");

  // ---------------------------------------------------------------- slot fillers
  private static final List<String> CITIES =
      List.of(
          "Lisbon",
          "Madrid",
          "Denver",
          "Chicago",
          "Boston",
          "Toronto",
          "Dublin",
          "Berlin",
          "Austin",
          "Seattle",
          "Miami",
          "Porto",
          "Barcelona",
          "Rome",
          "Oslo",
          "Montreal",
          "São Paulo",
          "Mexico City",
          "Vancouver",
          "Prague",
          "Amsterdam",
          "Nashville");
  private static final List<String> AIRPORTS =
      List.of("JFK", "LHR", "ORD", "DEN", "BOS", "SFO", "MAD", "LIS", "ATL", "SEA", "YYZ", "DUB");
  private static final List<String> EMOJI_POSITIVE =
      List.of(
          "\uD83D\uDE0D",
          "\u2764\uFE0F",
          "\uD83D\uDE4C",
          "\uD83D\uDE0A",
          "\u2728",
          "\uD83D\uDC4F",
          "\uD83E\uDD70",
          "\uD83D\uDC4D",
          ":)",
          "<3");
  private static final List<String> EMOJI_NEGATIVE =
      List.of(
          "\uD83D\uDE21",
          "\uD83D\uDE24",
          "\uD83D\uDE2D",
          "\uD83E\uDD2C",
          "\uD83D\uDE44",
          "\uD83D\uDC80",
          "\uD83D\uDE12",
          ":(",
          "smh",
          "\uD83D\uDE2B");
  private static final List<String> DRINKS =
      List.of(
          "flat white",
          "latte",
          "cold brew",
          "cortado",
          "cappuccino",
          "iced mocha",
          "pumpkin latte",
          "chai latte",
          "americano",
          "matcha latte");
  private static final List<String> FOODS =
      List.of("croissant", "banana bread", "cinnamon roll", "bagel", "almond cookie", "muffin");
  private static final List<String> COLORS =
      List.of("midnight blue", "sage green", "coral", "graphite", "sand");
  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
  private static final List<String> STREETS =
      List.of("Main St", "5th Ave", "Elm Street", "Harbor Rd", "Market St", "Oak Lane");
  private static final List<String> AIRLINE_PRICES =
      List.of("$35", "$49", "$60", "€45", "£39", "$79");
  private static final List<String> PHONE_PRICES = List.of("$899", "$1,099", "€999", "$749");
  private static final List<String> COFFEE_PRICES = List.of("$7.50", "$6.80", "€5.90", "£6");
  private static final List<String> VOUCHERS = List.of("$8", "$10", "$12", "€5");
  private static final List<String> OLD_PHONES =
      List.of("orbit 5", "old pixelmate", "zentra z3", "ancient android", "cracked phone");
  private static final List<String> PHONE_RIVALS =
      List.of("the Orbit 7", "the Pixelmate 9", "the Zentra Z5");
  private static final List<String> COFFEE_RIVALS =
      List.of("Beanstack", "CupCo", "the cafe next door");
  private static final List<String> VERSIONS = List.of("NimbusOS 5.1", "5.1.2", "NimbusOS 5.2");
  private static final List<String> AIRLINE_TAGS = List.of("#travel", "#avgeek", "#mondaymood");
  private static final List<String> PHONE_TAGS = List.of("#android", "#tech", "#gadgets");
  private static final List<String> COFFEE_TAGS = List.of("#coffee", "#coffeetime", "#mondaymood");
  private static final List<String> REDDIT_TAILS =
      List.of(
          "any advice?",
          "edit: thanks for the replies everyone",
          "just needed to vent",
          "anyone else?",
          "update: still nothing",
          "long time lurker, first post");

  private Phrasebook() {}

  /** An ordinary post about {@code brand}: mostly English, about 3% Portuguese and 3% Spanish. */
  public static Post regular(SampleBrand brand, Tone tone, RandomGenerator rnd) {
    double lang = rnd.nextDouble();
    if (lang < 0.03) {
      return foreign(brand, tone, "pt", rnd);
    }
    if (lang < 0.06) {
      return foreign(brand, tone, "es", rnd);
    }
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE ->
              tone == Tone.POSITIVE
                  ? AIRLINE_POSITIVE
                  : tone == Tone.NEUTRAL ? AIRLINE_NEUTRAL : AIRLINE_NEGATIVE;
          case PHONE ->
              tone == Tone.POSITIVE
                  ? PHONE_POSITIVE
                  : tone == Tone.NEUTRAL ? PHONE_NEUTRAL : PHONE_NEGATIVE;
          case COFFEE ->
              tone == Tone.POSITIVE
                  ? COFFEE_POSITIVE
                  : tone == Tone.NEUTRAL ? COFFEE_NEUTRAL : COFFEE_NEGATIVE;
        };
    return new Post(style(fill(pick(templates, rnd), brand, rnd), brand, tone, rnd), "en", null);
  }

  /** A post of a crisis burst about {@code brand}; one in ten is Portuguese or Spanish. */
  public static Post crisis(SampleBrand brand, RandomGenerator rnd) {
    double lang = rnd.nextDouble();
    if (brand.category() == Category.AIRLINE && lang < 0.05) {
      return new Post(fill(pick(PT_CRISIS, rnd), brand, rnd), "pt", null);
    }
    if (brand.category() == Category.AIRLINE && lang < 0.10) {
      return new Post(fill(pick(ES_CRISIS, rnd), brand, rnd), "es", null);
    }
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE -> AIRLINE_CRISIS;
          case PHONE -> PHONE_CRISIS;
          case COFFEE -> COFFEE_CRISIS;
        };
    return new Post(
        style(fill(pick(templates, rnd), brand, rnd), brand, Tone.NEGATIVE, rnd), "en", null);
  }

  /** A purchase-intent post about {@code brand}. */
  public static Post lead(SampleBrand brand, RandomGenerator rnd) {
    double lang = rnd.nextDouble();
    if (lang < 0.08 && brand.category() != Category.COFFEE) {
      String template = brand.category() == Category.AIRLINE ? PT_LEAD.get(1) : PT_LEAD.get(0);
      return new Post(fill(template, brand, rnd), "pt", null);
    }
    if (lang < 0.16 && brand.category() != Category.COFFEE) {
      String template = brand.category() == Category.AIRLINE ? ES_LEAD.get(0) : ES_LEAD.get(1);
      return new Post(fill(template, brand, rnd), "es", null);
    }
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE -> AIRLINE_LEAD;
          case PHONE -> PHONE_LEAD;
          case COFFEE -> COFFEE_LEAD;
        };
    return new Post(
        style(fill(pick(templates, rnd), brand, rnd), brand, Tone.NEUTRAL, rnd), "en", null);
  }

  /** A post that looks like a lead but is a sale, a giveaway or a purchase already made. */
  public static Post leadLookalike(SampleBrand brand, RandomGenerator rnd) {
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE -> AIRLINE_LOOKALIKE;
          case PHONE -> PHONE_LOOKALIKE;
          case COFFEE -> COFFEE_LOOKALIKE;
        };
    return new Post(fill(pick(templates, rnd), brand, rnd), "en", null);
  }

  /** A news article about {@code brand} (title and lede); {@code crisis} picks crisis coverage. */
  public static Post article(SampleBrand brand, boolean crisis, RandomGenerator rnd) {
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE -> crisis ? NEWS_CRISIS : NEWS;
          case PHONE -> NEWS_PHONE;
          case COFFEE -> NEWS_COFFEE;
        };
    String filled = fill(pick(templates, rnd), brand, rnd);
    int bar = filled.indexOf('|');
    return new Post(filled.substring(bar + 1), "en", filled.substring(0, bar));
  }

  /** A post with a brand-like word that is about something else. */
  public static Post offTopic(int index, RandomGenerator rnd) {
    String template = OFF_TOPIC.get(index % OFF_TOPIC.size());
    return new Post(fill(template, SampleBrand.NIMBUS, rnd), "en", null);
  }

  /** A repost or quote copy of {@code text} by {@code handle}: "RT @handle: text". */
  public static String repost(String handle, String text, RandomGenerator rnd) {
    String rt = "RT @" + handle + ": " + text;
    return rnd.nextDouble() < 0.3 ? pick(QUOTES, rnd) + " " + rt : rt;
  }

  /** A closing line of a Reddit self post. */
  public static String redditTail(RandomGenerator rnd) {
    return pick(REDDIT_TAILS, rnd);
  }

  private static Post foreign(SampleBrand brand, Tone tone, String language, RandomGenerator rnd) {
    List<String> templates =
        switch (brand.category()) {
          case AIRLINE -> language.equals("pt") ? PT_AIRLINE : ES_AIRLINE;
          case PHONE -> language.equals("pt") ? PT_PHONE : ES_PHONE;
          case COFFEE -> language.equals("pt") ? PT_COFFEE : ES_COFFEE;
        };
    String template = templates.get(tone == Tone.POSITIVE ? 0 : tone == Tone.NEUTRAL ? 1 : 2);
    return new Post(fill(template, brand, rnd), language, null);
  }

  static <T> T pick(List<T> values, RandomGenerator rnd) {
    return values.get(rnd.nextInt(values.size()));
  }

  /** Replaces each {@code {slot}} of {@code template}. */
  static String fill(String template, SampleBrand brand, RandomGenerator rnd) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      int close = ch == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(ch);
        i++;
        continue;
      }
      out.append(slot(template.substring(i + 1, close), brand, rnd));
      i = close + 1;
    }
    return out.toString();
  }

  private static String slot(String name, SampleBrand brand, RandomGenerator rnd) {
    return switch (name) {
      case "b" -> pick(brand.forms(), rnd);
      case "name" -> brand.name();
      case "h" -> brand.handle();
      case "t" -> brand.hashtag();
      case "fail" -> brand.failTag();
      case "p" -> pick(brand.products(), rnd);
      case "fl" -> brand.products().get(0) + (100 + rnd.nextInt(1900));
      case "c" -> rival(brand, rnd);
      case "city" -> pick(CITIES, rnd);
      case "city2" -> pick(CITIES, rnd);
      case "apt" -> pick(AIRPORTS, rnd);
      case "gate" -> String.valueOf((char) ('A' + rnd.nextInt(5))) + (1 + rnd.nextInt(40));
      case "n" -> String.valueOf(2 + rnd.nextInt(8));
      case "hrs" -> String.valueOf(3 + rnd.nextInt(7));
      case "pct" -> String.valueOf(70 + rnd.nextInt(25));
      case "price" ->
          pick(
              switch (brand.category()) {
                case AIRLINE -> AIRLINE_PRICES;
                case PHONE -> PHONE_PRICES;
                case COFFEE -> COFFEE_PRICES;
              },
              rnd);
      case "vouch" -> pick(VOUCHERS, rnd);
      case "e+" -> pick(EMOJI_POSITIVE, rnd);
      case "e-" -> pick(EMOJI_NEGATIVE, rnd);
      case "drink" -> pick(DRINKS, rnd);
      case "food" -> pick(FOODS, rnd);
      case "color" -> pick(COLORS, rnd);
      case "day" -> pick(DAYS, rnd);
      case "street" -> pick(STREETS, rnd);
      case "oldphone" -> pick(OLD_PHONES, rnd);
      case "ver" -> pick(VERSIONS, rnd);
      default -> throw new IllegalArgumentException("Unknown slot {" + name + "}");
    };
  }

  private static String rival(SampleBrand brand, RandomGenerator rnd) {
    if (brand == SampleBrand.ACME_AIR) {
      return rnd.nextBoolean() ? "SkyWays" : "skyways";
    }
    if (brand == SampleBrand.SKYWAYS) {
      return rnd.nextBoolean() ? "Acme Air" : "acme air";
    }
    return pick(brand.category() == Category.PHONE ? PHONE_RIVALS : COFFEE_RIVALS, rnd);
  }

  /**
   * Makes text look typed: lower case now and then, a swapped-letter typo, a stretched word, a
   * trailing emoji or hashtag. Words that name a brand are left alone so rules still match.
   */
  static String style(String text, SampleBrand brand, Tone tone, RandomGenerator rnd) {
    String s = text;
    if (rnd.nextDouble() < 0.4) {
      s = s.toLowerCase(Locale.ROOT);
    }
    if (rnd.nextDouble() < 0.12) {
      s = typo(s, rnd);
    }
    if (rnd.nextDouble() < 0.08) {
      s = stretch(s, rnd);
    }
    double r = rnd.nextDouble();
    if (r < 0.15) {
      s = s + " " + pick(tone == Tone.NEGATIVE ? EMOJI_NEGATIVE : EMOJI_POSITIVE, rnd);
    } else if (r < 0.25) {
      List<String> tags =
          switch (brand.category()) {
            case AIRLINE -> AIRLINE_TAGS;
            case PHONE -> PHONE_TAGS;
            case COFFEE -> COFFEE_TAGS;
          };
      s = s + " " + (rnd.nextBoolean() ? brand.hashtag() : pick(tags, rnd));
    }
    return s;
  }

  private static String typo(String s, RandomGenerator rnd) {
    int[] word = plainWord(s, rnd);
    if (word == null || word[1] - word[0] < 5) {
      return s;
    }
    int at = word[0] + 1 + rnd.nextInt(word[1] - word[0] - 3);
    char[] chars = s.toCharArray();
    char t = chars[at];
    chars[at] = chars[at + 1];
    chars[at + 1] = t;
    return new String(chars);
  }

  private static String stretch(String s, RandomGenerator rnd) {
    int[] word = plainWord(s, rnd);
    if (word == null) {
      return s;
    }
    for (int i = word[1] - 1; i >= word[0]; i--) {
      char c = s.charAt(i);
      if ("aeiouy".indexOf(c) >= 0) {
        return s.substring(0, i + 1)
            + String.valueOf(c).repeat(2 + rnd.nextInt(3))
            + s.substring(i + 1);
      }
    }
    return s;
  }

  /** Start and end of a random all-lower-case-letter word that is not a brand word, or null. */
  private static int[] plainWord(String s, RandomGenerator rnd) {
    int tries = 4;
    while (tries-- > 0) {
      int pos = rnd.nextInt(s.length());
      int start = pos;
      while (start > 0 && isLower(s.charAt(start - 1))) {
        start--;
      }
      int end = pos;
      while (end < s.length() && isLower(s.charAt(end))) {
        end++;
      }
      if (end - start < 3 || (start > 0 && !Character.isWhitespace(s.charAt(start - 1)))) {
        continue;
      }
      String w = s.substring(start, end);
      if (w.contains("acme")
          || w.contains("air")
          || w.contains("sky")
          || w.contains("nimbus")
          || w.contains("brew")
          || w.contains("http")) {
        continue;
      }
      return new int[] {start, end};
    }
    return null;
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}

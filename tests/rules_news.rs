//! The default rules on a corpus of short news-style sentences (written for this test, one
//! behaviour each): how many of the relations they should yield they find (recall), and how many
//! of those they find are right (precision). Sentences with nothing after `=>` must yield nothing.
//!
//! Each line is `sentence => kind(Subject, Object); …`, names as the gazetteers spell them (any
//! alias will do). A document found as the object of `sign` matches a name it is part of or that
//! is part of it: its extent is the resolver's business, not the rules'. Only named documents
//! ("the Treaty of Aachen") are objects of `sign`: a phrase that describes one ("a trade deal") is
//! no party, and the relation is between those who signed it.
//!
//! The figures are thresholds, not exact counts: gazetteers and resolution change beside the
//! rules, and a held-out corpus never scores perfectly.

use std::collections::BTreeSet;

use attache::{Date, Document, Extractor, RelationKind};

const CORPUS: &str = r#"
Chinese President Xi Jinping met Brazilian President Luiz Inacio Lula da Silva in Beijing on Tuesday. => meet(Xi Jinping, Luiz Inacio Lula da Silva)
Emmanuel Macron and Friedrich Merz held talks in Berlin on defence spending. => meet(Emmanuel Macron, Friedrich Merz)
Talks between Abbas Araghchi and Marco Rubio ended in Muscat on Saturday. => meet(Abbas Araghchi, Marco Rubio)
Keir Starmer hosted Volodymyr Zelenskyy at Downing Street on Monday. => meet(Keir Starmer, Volodymyr Zelenskyy)
Xi Jinping received Pedro Sánchez at the Great Hall of the People. => meet(Xi Jinping, Pedro Sánchez)
Narendra Modi sat down with Anthony Albanese on the sidelines of the G20 summit. => meet(Narendra Modi, Anthony Albanese)
Recep Tayyip Erdogan spoke by phone with Vladimir Putin on Friday. => phone(Recep Tayyip Erdoğan, Vladimir Putin)
A phone call between Donald Trump and Xi Jinping lasted ninety minutes. => phone(Donald Trump, Xi Jinping)
Donald Trump's meeting with Volodymyr Zelenskyy at the White House turned tense. => meet(Donald Trump, Volodymyr Zelenskyy)
The Chinese foreign minister met his Russian counterpart in Vientiane on Thursday. => meet(Wang Yi, Sergey Lavrov)
Marco Rubio and Sergey Lavrov met in Riyadh for more than four hours. => meet(Marco Rubio, Sergey Lavrov)
Indian Prime Minister Narendra Modi and Japanese Prime Minister Shigeru Ishiba held a summit in Tokyo. => meet(Narendra Modi, Shigeru Ishiba)
Emmanuel Macron and Keir Starmer met Volodymyr Zelenskyy in Kyiv on Saturday. => meet(Emmanuel Macron, Volodymyr Zelenskyy); meet(Keir Starmer, Volodymyr Zelenskyy); meet(Emmanuel Macron, Keir Starmer)
Anthony Albanese said he had met Xi Jinping twice this year. => meet(Anthony Albanese, Xi Jinping)
Pedro Sánchez was received by Xi Jinping in Beijing. => meet(Xi Jinping, Pedro Sánchez); visit(Pedro Sánchez, Beijing)
Giorgia Meloni talked with Donald Trump at the White House about tariffs. => meet(Giorgia Meloni, Donald Trump)
Kaja Kallas had a phone conversation with Wang Yi on Wednesday. => phone(Kaja Kallas, Wang Yi)
Kim Jong Un welcomed Vladimir Putin at the airport in Pyongyang. => meet(Vladimir Putin, Kim Jong Un); visit(Vladimir Putin, Pyongyang)
Cyril Ramaphosa held a bilateral meeting with Donald Trump in Washington. => meet(Cyril Ramaphosa, Donald Trump)
Ursula von der Leyen met with Shigeru Ishiba in Tokyo on Wednesday. => meet(Ursula von der Leyen, Shigeru Ishiba)
Hakan Fidan hosted his Iranian counterpart Abbas Araghchi in Ankara. => meet(Hakan Fidan, Abbas Araghchi); visit(Abbas Araghchi, Ankara)
Mark Carney had talks with Keir Starmer in London. => meet(Mark Carney, Keir Starmer)
Vladimir Putin had a phone call with Donald Trump, the Kremlin said. => phone(Vladimir Putin, Donald Trump)
Friedrich Merz telephoned Donald Trump on Sunday. => phone(Friedrich Merz, Donald Trump)
Narendra Modi also met Emmanuel Macron and Giorgia Meloni on the sidelines. => meet(Narendra Modi, Emmanuel Macron); meet(Narendra Modi, Giorgia Meloni)
Xi Jinping held separate talks with Kassym-Jomart Tokayev and Shavkat Mirziyoyev. => meet(Xi Jinping, Kassym-Jomart Tokayev); meet(Xi Jinping, Shavkat Mirziyoyev)
On Tuesday, Wang Yi met Sergey Lavrov in Beijing. => meet(Wang Yi, Sergey Lavrov)
Luiz Inacio Lula da Silva later conferred with Cyril Ramaphosa. => meet(Luiz Inacio Lula da Silva, Cyril Ramaphosa)
Volodymyr Zelenskyy met US President Donald Trump in the Vatican before the funeral. => meet(Volodymyr Zelenskyy, Donald Trump)
António Guterres held a meeting with Abbas Araghchi in New York. => meet(António Guterres, Abbas Araghchi)
Narendra Modi arrived in Cyprus on Sunday for a two-day visit. => visit(Narendra Modi, Cyprus)
Emmanuel Macron's state visit to Vietnam began on Monday. => visit(Emmanuel Macron, Vietnam)
Anthony Albanese travelled to Beijing last week. => visit(Anthony Albanese, Beijing)
Friedrich Merz is due to visit Washington next week. => visit(Friedrich Merz, Washington)
During his visit to Kazakhstan, Xi Jinping opened a new railway terminal. => visit(Xi Jinping, Kazakhstan)
Shigeru Ishiba visited Indonesia and met Prabowo Subianto. => visit(Shigeru Ishiba, Indonesia); meet(Shigeru Ishiba, Prabowo Subianto)
Marco Rubio landed in Kuala Lumpur for the ASEAN meetings. => visit(Marco Rubio, Kuala Lumpur)
Keir Starmer will travel to Canada for the G7 summit. => visit(Keir Starmer, Canada)
Sergey Lavrov paid a working visit to North Korea. => visit(Sergey Lavrov, North Korea)
Kyiv was visited by Ursula von der Leyen on Monday. => visit(Ursula von der Leyen, Kyiv)
The German chancellor flew to Kyiv on an overnight train. => visit(Friedrich Merz, Kyiv)
Pedro Sánchez is in China on his third visit in three years. => visit(Pedro Sánchez, China)
Luiz Inacio Lula da Silva made a state visit to France in June. => visit(Luiz Inacio Lula da Silva, France)
Narendra Modi, who is on a visit to Ghana, addressed parliament. => visit(Narendra Modi, Ghana)
Wang Yi began a tour of Europe in Brussels on Wednesday. => visit(Wang Yi, Europe)
Abbas Araghchi travelled to Moscow to meet Vladimir Putin. => visit(Abbas Araghchi, Moscow); meet(Abbas Araghchi, Vladimir Putin)
India and the United Kingdom signed a free trade agreement in London. => sign(India, United Kingdom)
Japan and the Philippines signed a reciprocal access agreement on Monday. => sign(Japan, Philippines)
Anthony Albanese and Prabowo Subianto signed a memorandum of understanding on energy. => sign(Anthony Albanese, Prabowo Subianto)
Vietnam inked a defence deal with France during the visit. => sign(Vietnam, France)
Kazakhstan and China signed more than 30 cooperation documents. => sign(Kazakhstan, China)
Egypt signed a $1 billion loan agreement with the World Bank. => sign(Egypt, World Bank)
Armenia and Azerbaijan initialled a peace agreement at the White House. => sign(Armenia, Azerbaijan)
Brazil signed agreements with China on trade and technology. => sign(Brazil, China)
Ukraine and the United States signed a minerals deal on Wednesday. => sign(Ukraine, United States)
Saudi Arabia and Pakistan signed a mutual defence pact in Riyadh. => sign(Saudi Arabia, Pakistan)
Indonesia has signed a trade agreement with Canada. => sign(Indonesia, Canada)
Japan pledged $2 billion to Ukraine for reconstruction. => pledge(Japan, Ukraine)
The European Union announced 500 million euros in aid for Syria. => pledge(European Union, Syria)
Germany will provide Ukraine with four more Patriot systems. => pledge(Germany, Ukraine)
China promised $50 billion in funding for Africa over three years. => pledge(China, Africa)
The United Kingdom announced a new aid package for Sudan. => pledge(United Kingdom, Sudan)
Saudi Arabia pledged to invest $600 billion in the United States. => pledge(Saudi Arabia, United States)
The World Bank approved a $1.5 billion loan to Pakistan. => pledge(World Bank, Pakistan)
Australia committed 50 million dollars in humanitarian assistance to Myanmar. => pledge(Australia, Myanmar)
Qatar will send fuel and food to Gaza. => aid(Qatar, Gaza)
France offered military support to Lebanon. => pledge(France, Lebanon)
António Guterres urged Israel to allow aid into Gaza. => appeal(António Guterres, Israel)
The European Union called on Russia to accept an unconditional ceasefire. => appeal(European Union, Russia)
Donald Trump pressed Japan to open its market to American cars. => appeal(Donald Trump, Japan)
Emmanuel Macron urged China to use its influence on Russia. => appeal(Emmanuel Macron, China)
Volodymyr Zelenskyy appealed to NATO for more air defence. => appeal(Volodymyr Zelenskyy, NATO)
Ursula von der Leyen urged India and Pakistan to pursue dialogue. => appeal(Ursula von der Leyen, India); appeal(Ursula von der Leyen, Pakistan)
The foreign ministers urged Iran to return to negotiations with the IAEA. =>
China called on the United States to lift its tariffs. => appeal(China, United States)
Egypt and Qatar urged Hamas to accept the proposal. => appeal(Egypt, Hamas); appeal(Qatar, Hamas)
India and Pakistan agreed to a ceasefire on Saturday. => agree(India, Pakistan)
China agreed with the United States to cut tariffs for 90 days. => agree(China, United States)
Russia and Ukraine agreed to exchange prisoners. => agree(Russia, Ukraine)
Thailand and Cambodia reached a ceasefire agreement in Kuala Lumpur. => agree(Thailand, Cambodia)
Israel and Hamas have agreed on the first phase of the plan. => agree(Israel, Hamas)
Japan and South Korea vowed to deepen cooperation on security. => cooperate(Japan, South Korea)
India will work with France on nuclear energy. => cooperate(India, France)
Vietnam and Australia upgraded their ties to a comprehensive strategic partnership. => cooperate(Vietnam, Australia)
China and Pakistan pledged to strengthen their all-weather partnership. => cooperate(China, Pakistan)
Brazil will cooperate closely with China on clean energy. => cooperate(Brazil, China)
Sweden joined NATO in March 2024. => member(Sweden, NATO)
Indonesia became a full member of BRICS in January. => member(Indonesia, BRICS)
Timor-Leste was admitted as a member of ASEAN. => member(Timor-Leste, ASEAN)
Finland's accession to NATO doubled the alliance's border with Russia. => member(Finland, NATO)
Hungary, a member of the European Union, opposed the sanctions. => member(Hungary, European Union)
Vladimir Putin did not meet Volodymyr Zelenskyy in Istanbul. =>
Donald Trump refused to sign the joint statement. =>
The meeting between Donald Trump and Vladimir Putin was cancelled. =>
Emmanuel Macron criticised Benjamin Netanyahu's visit to Hungary. => visit(Benjamin Netanyahu, Hungary)
Xi Jinping has never visited Ukraine since the war began. =>
Kim Jong Un denied that he had met Donald Trump. =>
The summit of Brazil, India and South Africa was postponed. =>
Keir Starmer declined to say whether he would meet Donald Trump. =>
Narendra Modi skipped the summit in Kazan. =>
Israel rejected calls to sign the ceasefire deal. =>
India and China failed to agree on the border. =>
Japan did not pledge any new funds to Ukraine. =>
Turkey blocked Sweden from joining NATO for months. =>
Ukraine is not a member of NATO. =>
The report covered France, Germany, Italy and Spain. =>
Benjamin Netanyahu called off his trip to Washington. =>
Vladimir Putin will not travel to Brazil for the summit. =>
Rumours that Xi Jinping would visit Russia were dismissed by Beijing. =>
If Donald Trump met Kim Jong Un again, the talks could resume. =>
Emmanuel Macron criticised the agreement between Israel and Hamas as too weak. => agree(Israel, Hamas)
Ukraine urged calm after Russia struck Kyiv. =>
Donald Trump said he hoped to meet Xi Jinping later this year. => meet(Donald Trump, Xi Jinping)
Russia warned Finland against joining NATO. =>
Russian President Vladimir Putin on Friday met Indonesian President Prabowo Subianto in St Petersburg. => meet(Vladimir Putin, Prabowo Subianto)
Xi Jinping on Tuesday held talks with his Kazakh counterpart Kassym-Jomart Tokayev in Astana. => meet(Xi Jinping, Kassym-Jomart Tokayev)
In a phone call with Keir Starmer, Donald Trump discussed trade and Ukraine. => phone(Donald Trump, Keir Starmer)
Luiz Inacio Lula da Silva was greeted by Xi Jinping outside the Great Hall of the People. => meet(Xi Jinping, Luiz Inacio Lula da Silva)
The two leaders, Emmanuel Macron and Narendra Modi, met at the Elysee Palace. => meet(Emmanuel Macron, Narendra Modi)
Wang Yi and Sergey Lavrov discussed the Ukraine crisis during a meeting in Beijing. => meet(Wang Yi, Sergey Lavrov)
Narendra Modi thanked Vladimir Putin for the invitation. => praise(Narendra Modi, Vladimir Putin)
Emmanuel Macron welcomed Donald Trump's decision to extend the deadline. => praise(Emmanuel Macron, Donald Trump)
Vladimir Putin is expected to meet Donald Trump in Alaska on Friday. => meet(Vladimir Putin, Donald Trump)
Kassym-Jomart Tokayev will host the summit in Astana next month. =>
Abbas Araghchi met with Rafael Grossi in Cairo on Tuesday to discuss inspections. => meet(Abbas Araghchi, Rafael Grossi)
Mark Rutte held a joint news conference with Volodymyr Zelenskyy in Kyiv. => meet(Mark Rutte, Volodymyr Zelenskyy)
Donald Trump spoke with Vladimir Putin for more than two hours on Monday. => meet(Donald Trump, Vladimir Putin)
Vladimir Putin and Xi Jinping exchanged views on Ukraine in a video call. => phone(Vladimir Putin, Xi Jinping)
Keir Starmer met the leaders of France and Germany in Kyiv. =>
Shigeru Ishiba and Lee Jae-myung agreed to strengthen cooperation during talks in Tokyo. => meet(Shigeru Ishiba, Lee Jae-myung); agree(Shigeru Ishiba, Lee Jae-myung); cooperate(Shigeru Ishiba, Lee Jae-myung)
Emmanuel Macron will travel to China in December, the Elysee said. => visit(Emmanuel Macron, China)
Prabowo Subianto embarked on a state visit to Russia on Wednesday. => visit(Prabowo Subianto, Russia)
Friedrich Merz, on his first trip to Washington as chancellor, met Donald Trump. => visit(Friedrich Merz, Washington); meet(Friedrich Merz, Donald Trump)
Narendra Modi arrived in Brasilia after the BRICS summit in Rio de Janeiro. => visit(Narendra Modi, Brasilia)
The Turkish foreign minister visited Damascus on Wednesday. => visit(Hakan Fidan, Damascus)
Anthony Albanese is heading to Washington for talks with Donald Trump. => visit(Anthony Albanese, Washington); meet(Anthony Albanese, Donald Trump)
Xi Jinping, who arrived in Moscow on Wednesday, will attend the parade. => visit(Xi Jinping, Moscow)
Benjamin Netanyahu's trip to Washington was his third this year. => visit(Benjamin Netanyahu, Washington)
Wang Yi will visit India next week for border talks. => visit(Wang Yi, India)
Kaja Kallas condemned the visit of Russian officials to Pyongyang. =>
Japan and India signed a memorandum of cooperation on semiconductors. => sign(Japan, India)
The United States and Ukraine signed an agreement establishing a reconstruction fund. => sign(United States, Ukraine)
Kenya and the United Arab Emirates signed a comprehensive economic partnership agreement. => sign(Kenya, United Arab Emirates)
Pakistan signed three agreements with China worth $8 billion. => sign(Pakistan, China)
Egypt and the European Union signed a strategic partnership deal worth 7.4 billion euros. => sign(Egypt, European Union)
The United Kingdom refused to sign the declaration. =>
Brazil has yet to sign the agreement with the European Union. =>
The European Union pledged an additional 1 billion euros to Ukraine. => pledge(European Union, Ukraine)
Japan will provide $5.5 billion in loans to Ukraine. => pledge(Japan, Ukraine)
China announced $140 million in emergency aid for Myanmar after the earthquake. => pledge(China, Myanmar)
The International Monetary Fund approved a $7 billion bailout for Pakistan. => pledge(International Monetary Fund, Pakistan)
Saudi Arabia deposited $3 billion in Pakistan's central bank. => pledge(Saudi Arabia, Pakistan)
The United States sent more Patriot missiles to Ukraine. => aid(United States, Ukraine)
Russia sent troops to the border with Ukraine. =>
Germany promised Ukraine more air defence systems. => pledge(Germany, Ukraine)
China asked the United States to stop arms sales to Taiwan. => appeal(China, United States)
The United Nations Security Council called on Israel and Iran to exercise restraint. => appeal(United Nations Security Council, Israel); appeal(United Nations Security Council, Iran)
Qatar pressed Hamas and Israel to return to the talks. => appeal(Qatar, Hamas); appeal(Qatar, Israel)
Donald Trump urged Vladimir Putin on Sunday to agree to a ceasefire. => appeal(Donald Trump, Vladimir Putin)
Emmanuel Macron called for a ceasefire in Gaza. =>
India asked Pakistan for evidence. => appeal(India, Pakistan)
Turkey called on NATO allies to show unity. =>
Armenia and Azerbaijan agreed on the text of a peace treaty. => agree(Armenia, Azerbaijan)
The United States and China agreed to a 90-day truce on tariffs. => agree(United States, China)
Iran and the IAEA agreed on a new framework for inspections. => agree(Iran, International Atomic Energy Agency)
Ukraine and Russia failed to reach an agreement in Istanbul. =>
India and Japan agreed to boost defence cooperation. => agree(India, Japan); cooperate(India, Japan)
France and India agreed to deepen their strategic partnership. => agree(France, India); cooperate(France, India)
The United States will cooperate with Saudi Arabia on civil nuclear energy. => cooperate(United States, Saudi Arabia)
Indonesia and Australia signed a defence cooperation agreement. => sign(Indonesia, Australia)
Egypt is working with Qatar on a new ceasefire proposal. => cooperate(Egypt, Qatar)
Vietnam and the Philippines agreed to enhance maritime cooperation. => agree(Vietnam, Philippines); cooperate(Vietnam, Philippines)
Indonesia officially joined BRICS as a full member. => member(Indonesia, BRICS)
Ukraine wants to join the European Union. => member(Ukraine, European Union)
Finland and Sweden applied to join NATO in 2022. =>
Bolivia and Kazakhstan became partner countries of BRICS. =>
Vladimir Putin met Narendra Modi and Xi Jinping on the sidelines of the summit in Tianjin. => meet(Vladimir Putin, Narendra Modi); meet(Vladimir Putin, Xi Jinping)
South African President Cyril Ramaphosa met US President Donald Trump at the White House on Wednesday. => meet(Cyril Ramaphosa, Donald Trump)
Giorgia Meloni received Volodymyr Zelenskyy in Rome ahead of the recovery conference. => meet(Giorgia Meloni, Volodymyr Zelenskyy); visit(Volodymyr Zelenskyy, Rome)
Xi Jinping spoke to Donald Trump by phone on Thursday, state media reported. => phone(Xi Jinping, Donald Trump)
Talks between Wang Yi and S. Jaishankar focused on the border. => meet(Wang Yi, S. Jaishankar)
Emmanuel Macron's talks with Xi Jinping in Beijing lasted two hours. => meet(Emmanuel Macron, Xi Jinping)
Kim Jong Un and Vladimir Putin held a summit in Vladivostok. => meet(Kim Jong Un, Vladimir Putin)
Friedrich Merz hosted Emmanuel Macron and Keir Starmer for dinner in Berlin. => meet(Friedrich Merz, Emmanuel Macron); meet(Friedrich Merz, Keir Starmer)
Recep Tayyip Erdogan and Vladimir Putin discussed a possible ceasefire during a phone call on Monday. => phone(Recep Tayyip Erdoğan, Vladimir Putin)
Mark Carney will meet Donald Trump at the White House on Tuesday. => meet(Mark Carney, Donald Trump)
Keir Starmer did not meet Donald Trump during the trip. =>
The planned meeting between Vladimir Putin and Volodymyr Zelenskyy was postponed indefinitely. =>
Benjamin Netanyahu flew to Washington on Sunday. => visit(Benjamin Netanyahu, Washington)
Narendra Modi travelled to Japan for a two-day visit. => visit(Narendra Modi, Japan)
Emmanuel Macron made a surprise trip to Kyiv on Saturday. => visit(Emmanuel Macron, Kyiv)
Xi Jinping will pay a state visit to Vietnam next week. => visit(Xi Jinping, Vietnam)
Vladimir Putin's visit to India is planned for December. => visit(Vladimir Putin, India)
Anthony Albanese returned from China on Friday. => visit(Anthony Albanese, China)
Luiz Inacio Lula da Silva cancelled a planned visit to Venezuela. =>
Donald Trump said he would not go to Moscow. =>
Shigeru Ishiba was in Washington to discuss tariffs. => visit(Shigeru Ishiba, Washington)
Sergey Lavrov arrived in Pyongyang for talks with Kim Jong Un. => visit(Sergey Lavrov, Pyongyang); meet(Sergey Lavrov, Kim Jong Un)
China and Brazil signed 20 agreements during the visit. => sign(China, Brazil)
Vietnam and the United States signed a trade deal in Hanoi. => sign(Vietnam, United States)
The Democratic Republic of the Congo and Rwanda signed a peace agreement in Washington. => sign(Democratic Republic of the Congo, Rwanda)
Kazakhstan signed a memorandum with Russia on nuclear power. => sign(Kazakhstan, Russia)
Ukraine refused to sign the minerals deal in February. =>
The United Kingdom pledged 2.5 billion pounds to Ukraine. => pledge(United Kingdom, Ukraine)
China pledged $500 million in aid to the Palestinian Authority. => pledge(China, Palestinian Authority)
The World Bank will lend $1 billion to Egypt. => pledge(World Bank, Egypt)
Canada committed $2 billion in military aid to Ukraine. => pledge(Canada, Ukraine)
Japan announced additional humanitarian assistance for Gaza. => pledge(Japan, Gaza)
Norway donated 100 million dollars to the World Health Organization. => aid(Norway, World Health Organization)
The European Union agreed to provide Ukraine with a 50 billion euro loan. => pledge(European Union, Ukraine)
Iran urged the International Atomic Energy Agency to condemn the strikes. => appeal(Iran, International Atomic Energy Agency)
António Guterres called on Russia and Ukraine to return to talks. => appeal(António Guterres, Russia); appeal(António Guterres, Ukraine)
The European Union urged China to rein in its exports. => appeal(European Union, China)
Donald Trump asked Saudi Arabia to lower oil prices. => appeal(Donald Trump, Saudi Arabia)
India urged all sides to show restraint. =>
Pakistan and India agreed to stop all firing on Saturday. => agree(Pakistan, India)
Egypt agreed with Israel on a new mechanism for the crossing. => agree(Egypt, Israel)
Israel and Lebanon reached a ceasefire deal in November. => agree(Israel, Lebanon)
Russia and Ukraine did not agree on a ceasefire. =>
Japan and the Philippines agreed to deepen security cooperation. => agree(Japan, Philippines); cooperate(Japan, Philippines)
India and the United States vowed to expand defence cooperation. => cooperate(India, United States)
China will work closely with Brazil on climate change. => cooperate(China, Brazil)
Saudi Arabia's partnership with the United States is growing. => cooperate(Saudi Arabia, United States)
Azerbaijan joined the Non-Aligned Movement in 2011. => member(Azerbaijan, Non-Aligned Movement)
Ukraine hopes to join NATO one day. => member(Ukraine, NATO)
Georgia, a candidate for European Union membership, held elections. =>
Armenia froze its membership of the Collective Security Treaty Organization. =>
The Turkish president met Vladimir Putin in Sochi. => meet(Recep Tayyip Erdoğan, Vladimir Putin)
Ukraine's president met the French president in Paris. => meet(Volodymyr Zelenskyy, Emmanuel Macron)
Xi Jinping and Vladimir Putin signed a joint statement on strategic cooperation. => sign(Xi Jinping, Vladimir Putin)
Chinese Foreign Minister Wang Yi, who is on a three-nation tour of Africa, met Kenyan President William Ruto in Nairobi on Monday and discussed a railway extension. => meet(Wang Yi, William Ruto); visit(Wang Yi, Africa)
"We had a very good conversation," Donald Trump told reporters after speaking with Vladimir Putin for two hours. => meet(Donald Trump, Vladimir Putin)
Speaking at a joint news conference with Friedrich Merz in Berlin, Emmanuel Macron said Europe must rearm. => meet(Emmanuel Macron, Friedrich Merz)
The Kremlin said Vladimir Putin had told Donald Trump during their call that Russia was open to talks. => phone(Vladimir Putin, Donald Trump)
Saudi Crown Prince Mohammed bin Salman received Marco Rubio in Jeddah, where the US delegation later met Ukrainian officials. => meet(Mohammed bin Salman, Marco Rubio); visit(Marco Rubio, Jeddah)
Following his meeting with Xi Jinping, Anthony Albanese said trade barriers had been removed. => meet(Anthony Albanese, Xi Jinping)
Narendra Modi, who arrived in Brasilia on Tuesday after attending the BRICS summit in Rio de Janeiro, held talks with Luiz Inacio Lula da Silva. => visit(Narendra Modi, Brasilia); meet(Narendra Modi, Luiz Inacio Lula da Silva)
Japanese Prime Minister Shigeru Ishiba and South Korean President Lee Jae-myung agreed on Saturday to keep working closely together on North Korea. => agree(Shigeru Ishiba, Lee Jae-myung); cooperate(Shigeru Ishiba, Lee Jae-myung)
The United States and China agreed in Geneva to slash reciprocal tariffs for 90 days, the two sides said in a joint statement. => agree(United States, China)
Ukraine and Russia exchanged hundreds of prisoners of war on Friday in a swap brokered by the United Arab Emirates. => release(Ukraine, Russia); release(Russia, Ukraine)
Volodymyr Zelenskyy urged Western allies to send more air defence systems after a night of Russian strikes on Kyiv. =>
The European Commission announced a 1.6 billion euro package for the Palestinian Authority, Ursula von der Leyen told reporters. => pledge(European Commission, Palestinian Authority)
Britain's foreign secretary David Lammy called on Israel to lift the blockade on Gaza, describing the situation as intolerable. => appeal(David Lammy, Israel)
Iran's foreign minister Abbas Araghchi said he would not meet US officials until the attacks stopped. =>
Kim Jong Un inspected a missile launch a day after Sergey Lavrov visited Pyongyang. => visit(Sergey Lavrov, Pyongyang)
French President Emmanuel Macron arrived in Hanoi on Sunday evening at the start of a Southeast Asian tour that will also take him to Indonesia and Singapore. => visit(Emmanuel Macron, Hanoi); visit(Emmanuel Macron, Indonesia); visit(Emmanuel Macron, Singapore)
Egyptian President Abdel Fattah el-Sisi hosted leaders from more than 20 countries at a summit in Sharm el-Sheikh. =>
The agreement, signed in Washington by the foreign ministers of Rwanda and the Democratic Republic of the Congo, commits both sides to withdraw forces. => sign(Rwanda, Democratic Republic of the Congo)
Indonesia and the European Union on Sunday concluded negotiations on a comprehensive economic partnership agreement after nearly a decade. => agree(Indonesia, European Union)
India has signed a deal with France to buy 26 Rafale fighter jets for its navy. => sign(India, France)
Xi Jinping and Kassym-Jomart Tokayev witnessed the signing of more than a dozen cooperation documents in Astana. => sign(Xi Jinping, Kassym-Jomart Tokayev)
Germany will give Ukraine an additional 1.9 billion euros in military aid this year, Boris Pistorius said during a visit to Kyiv. => aid(Germany, Ukraine); visit(Boris Pistorius, Kyiv)
China has offered to help rebuild Syria, its ambassador said on Tuesday. =>
The International Monetary Fund reached a staff-level agreement with Pakistan on a $1 billion disbursement. => agree(International Monetary Fund, Pakistan)
Japan will extend 100 billion yen in loans to the Philippines for coastal radar. => pledge(Japan, Philippines)
Qatar and Egypt, which have mediated between Israel and Hamas, urged both sides to return to the negotiating table. =>
Pope Francis called on world leaders to end the war in Ukraine. =>
India and Pakistan have agreed to a ceasefire after four days of fighting, Donald Trump said. => agree(India, Pakistan)
Canada and the European Union agreed to deepen defence cooperation at a summit in Brussels. => agree(Canada, European Union); cooperate(Canada, European Union)
Australia and Papua New Guinea signed a mutual defence treaty in Canberra. => sign(Australia, Papua New Guinea)
Vietnam became the latest country to join BRICS as a partner. =>
Leaders of the Shanghai Cooperation Organisation gathered in Tianjin for the group's annual summit. =>
Belarus formally became a member of the Shanghai Cooperation Organisation in 2024. => member(Belarus, Shanghai Cooperation Organisation)
Sergey Lavrov met Wang Yi in Beijing and then travelled to Pyongyang, where he met Kim Jong Un. => meet(Sergey Lavrov, Wang Yi); visit(Sergey Lavrov, Pyongyang); meet(Sergey Lavrov, Kim Jong Un)
Donald Trump's envoy met Vladimir Putin in Moscow for three hours. =>
Emmanuel Macron hosted Ahmed al-Sharaa at the Elysee Palace in his first visit to Europe since taking power. => meet(Emmanuel Macron, Ahmed al-Sharaa); visit(Ahmed al-Sharaa, Europe)
The Philippines and Japan agreed to work together to counter coercion in the South China Sea. => agree(Philippines, Japan); cooperate(Philippines, Japan)
Norway pledged an extra $500 million for reconstruction in Gaza. => pledge(Norway, Gaza)
Xi Jinping told Vladimir Putin that China and Russia should strengthen strategic coordination. => cooperate(China, Russia)
The two foreign ministers, Wang Yi and Sergey Lavrov, held talks in Beijing on Tuesday. => meet(Wang Yi, Sergey Lavrov)
The European Union will provide Egypt with 4 billion euros in budget support. => pledge(European Union, Egypt)
Keir Starmer and Emmanuel Macron co-chaired a video call of the coalition of the willing. => phone(Keir Starmer, Emmanuel Macron)
Giorgia Meloni travelled to Washington on Thursday, becoming the first European leader to meet Donald Trump since the tariffs. => visit(Giorgia Meloni, Washington); meet(Giorgia Meloni, Donald Trump)
Hamas accepted the proposal put forward by Egypt and Qatar. =>
Israel has agreed to a 60-day truce with Hezbollah. => agree(Israel, Hezbollah)
Prabowo Subianto met with Vladimir Putin in the Kremlin, and the two leaders agreed to boost trade. => meet(Prabowo Subianto, Vladimir Putin); agree(Prabowo Subianto, Vladimir Putin)
Xi meets Lula in Beijing as trade ties deepen => meet(Xi Jinping, Luiz Inacio Lula da Silva)
Modi, Albanese hold talks on critical minerals => meet(Narendra Modi, Anthony Albanese)
Putin to visit India in December, Kremlin says => visit(Vladimir Putin, India)
Japan, Philippines sign pact allowing troop deployments => sign(Japan, Philippines)
EU pledges 3.5 billion euros to Ukraine => pledge(European Union, Ukraine)
Guterres urges India, Pakistan to step back from the brink => appeal(António Guterres, India); appeal(António Guterres, Pakistan)
Indonesia joins BRICS as full member => member(Indonesia, BRICS)
Trump says Putin meeting could happen soon =>
Zelenskyy rules out meeting Putin before a ceasefire =>
Macron criticises Trump over tariffs =>
Talks with Iran stall as Araghchi skips Oslo meeting =>
The meeting in Alaska between Donald Trump and Vladimir Putin produced no agreement. => meet(Donald Trump, Vladimir Putin)
Russia said it was ready to work with the new government in Syria. => cooperate(Russia, Syria)
Volodymyr Zelenskyy said Ukraine would never accept the loss of Crimea. =>
Turkey, a NATO member since 1952, hosted the talks in Istanbul. => member(Turkey, NATO)
China sanctioned US defence firms over arms sales to Taiwan. =>
Iran accused the United States of violating the agreement. =>
Israel struck targets in Lebanon despite the ceasefire with Hezbollah. =>
The European Union and Mercosur finalised their trade agreement in Montevideo. => sign(European Union, Mercosur)
Hungary blocked a European Union statement on Israel. =>
Emmanuel Macron warned Iran against enriching uranium. =>
Donald Trump threatened Canada with new tariffs. =>
The Foreign Ministry said Wang Yi had a phone call with Kaja Kallas on Wednesday. => phone(Wang Yi, Kaja Kallas)
Poland sent a diplomatic note to Belarus over the border incident. =>
Russia sent drones into Polish airspace overnight. =>
Ukraine received a first batch of F-16 jets from Denmark. => aid(Denmark, Ukraine)
France recalled its ambassador from Algeria. =>
South Korea and Japan held their first summit in two years. => meet(South Korea, Japan)
Benjamin Netanyahu met with Donald Trump's special envoy in Jerusalem. =>
The Pope received Volodymyr Zelenskyy at the Vatican. =>
Mark Rutte praised Finland's decision to join NATO. => member(Finland, NATO); praise(Mark Rutte, Finland)
Narendra Modi and Xi Jinping did not hold a bilateral meeting at the summit. =>
Vladimir Putin and Donald Trump have not spoken since March. =>
The United States will not sign the declaration, Marco Rubio said. =>
Canada is considering joining the European rearmament programme. =>
Trump and Xi agree to extend tariff truce => agree(Donald Trump, Xi Jinping)
UN chief calls on Israel to halt West Bank settlement expansion => appeal(António Guterres, Israel)
China and India agree to resume direct flights => agree(China, India)
Starmer hosts Zelenskyy at Downing Street => meet(Keir Starmer, Volodymyr Zelenskyy)
Lavrov arrives in Pyongyang for talks => visit(Sergey Lavrov, Pyongyang)
Vladimir Putin on Monday criticised NATO expansion. =>
Emmanuel Macron last week warned that Europe faced a choice. =>
Xi Jinping and Vladimir Putin criticised Western sanctions during their talks in Moscow. => meet(Xi Jinping, Vladimir Putin)
Narendra Modi and Xi Jinping attended the same summit but did not meet. =>
India and China agreed in principle to resume border patrols. => agree(India, China)
Japan sent a delegation to the talks in Geneva. =>
The United States sent warships to the Middle East. =>
Germany sent weapons worth 7 billion euros to Ukraine last year. => aid(Germany, Ukraine)
Russia received drones from Iran, Western officials said. => aid(Iran, Russia)
Pakistan received a warning from India. =>
Hungary, an EU member, has blocked aid to Ukraine. => member(Hungary, European Union)
Donald Trump urged NATO members to spend 5 percent of GDP on defence. =>
Emmanuel Macron called on Europe to rearm. => appeal(Emmanuel Macron, Europe)
António Guterres called on the parties to respect international law. =>
Kaja Kallas said China was enabling Russia's war. =>
Olaf Scholz met Chinese business leaders in Shanghai. =>
Sergey Lavrov met Marco Rubio's deputy in Istanbul. =>
Israel and Hamas agreed to exchange hostages and prisoners. => agree(Israel, Hamas)
Egypt welcomed Qatar's mediation efforts. => praise(Egypt, Qatar)
Vladimir Putin welcomed Narendra Modi to Moscow with a hug. => meet(Vladimir Putin, Narendra Modi); visit(Narendra Modi, Moscow)
The two presidents, Vladimir Putin and Donald Trump, spoke for more than two hours. => meet(Vladimir Putin, Donald Trump)
South Korea and Japan pledged closer cooperation on North Korea. => cooperate(South Korea, Japan)
Iran and Saudi Arabia restored diplomatic relations in 2023 under a deal brokered by China. => cooperate(Iran, Saudi Arabia)
China asked the European Union for fair treatment of its companies. => appeal(China, European Union)
Ukraine asked its allies for more weapons. =>
Emmanuel Macron told Benjamin Netanyahu in a phone call that the strikes must stop. => phone(Emmanuel Macron, Benjamin Netanyahu)
Emmanuel Macron told reporters in a phone interview that Benjamin Netanyahu was wrong. =>
After talks with Vladimir Putin, Narendra Modi flew to Vienna. => meet(Narendra Modi, Vladimir Putin); visit(Narendra Modi, Vienna)
Following a meeting with Xi Jinping, Pedro Sánchez called for closer ties. => meet(Pedro Sánchez, Xi Jinping)
During his visit to Beijing, Friedrich Merz met Xi Jinping. => visit(Friedrich Merz, Beijing); meet(Friedrich Merz, Xi Jinping)
Before his trip to Moscow, Narendra Modi spoke with Volodymyr Zelenskyy. => visit(Narendra Modi, Moscow); meet(Narendra Modi, Volodymyr Zelenskyy)
The European Union will give Ukraine a 35 billion euro loan. => aid(European Union, Ukraine)
Volodymyr Zelenskyy thanked Denmark for its military aid to Ukraine. => pledge(Denmark, Ukraine); praise(Volodymyr Zelenskyy, Denmark)
Japan's aid to Ukraine totals $12 billion. => pledge(Japan, Ukraine)
Turkey agreed to Sweden's NATO membership in 2023. => member(Sweden, NATO)
Kenya and Somalia held talks on border security. => meet(Kenya, Somalia)
Kenya hosted a summit on Sudan. =>
Brazil will host the COP30 summit in Belem. =>
Egypt and Jordan coordinated their response to the plan. => cooperate(Egypt, Jordan)
Qatar is working with Egypt and the United States to broker a ceasefire. => cooperate(Qatar, Egypt); cooperate(Qatar, United States)
Russia and China vowed to stand together against hegemony. => cooperate(Russia, China)
William Ruto held talks with Abiy Ahmed in Addis Ababa on regional security. => meet(William Ruto, Abiy Ahmed)
Bola Tinubu received the Ghanaian president at the State House in Abuja. => meet(Bola Tinubu, John Dramani Mahama); visit(John Dramani Mahama, Abuja)
Javier Milei met Donald Trump at Mar-a-Lago on Thursday. => meet(Javier Milei, Donald Trump)
Gustavo Petro and Nicolás Maduro discussed border security in a phone call. => phone(Gustavo Petro, Nicolás Maduro)
Claudia Sheinbaum spoke with Donald Trump on Monday and agreed to send troops to the border. => meet(Claudia Sheinbaum, Donald Trump)
Mohammed bin Salman hosted Donald Trump in Riyadh on the first stop of a Gulf tour. => meet(Mohammed bin Salman, Donald Trump); visit(Donald Trump, Riyadh)
Donald Trump's Gulf tour took him to Riyadh, Doha and Abu Dhabi. => visit(Donald Trump, Riyadh); visit(Donald Trump, Doha); visit(Donald Trump, Abu Dhabi)
The Emir of Qatar met Volodymyr Zelenskyy in Doha. => meet(Tamim bin Hamad Al Thani, Volodymyr Zelenskyy)
Cyril Ramaphosa paid a state visit to Indonesia in October. => visit(Cyril Ramaphosa, Indonesia)
Paul Kagame and Félix Tshisekedi met in Doha under Qatari mediation. => meet(Paul Kagame, Félix Tshisekedi)
The African Union suspended Niger after the coup. =>
Mali, Burkina Faso and Niger left the Economic Community of West African States. =>
Mali, Burkina Faso and Niger formed the Alliance of Sahel States. => member(Mali, Alliance of Sahel States); member(Burkina Faso, Alliance of Sahel States); member(Niger, Alliance of Sahel States)
Saudi Arabia pledged $1 billion to Syria's reconstruction. => pledge(Saudi Arabia, Syria)
The United Arab Emirates announced $100 million in humanitarian aid for Sudan. => pledge(United Arab Emirates, Sudan)
Kuwait has deposited $2 billion with Egypt's central bank. => pledge(Kuwait, Egypt)
China extended a $2 billion loan to Pakistan for another year. => pledge(China, Pakistan)
The World Bank approved $1.5 billion in financing for Nigeria. => pledge(World Bank, Nigeria)
The African Development Bank signed a $500 million loan agreement with Kenya. => sign(African Development Bank, Kenya)
Brazil and China signed a deal to trade in their own currencies. => sign(Brazil, China)
Argentina signed a currency swap with the United States. => sign(Argentina, United States)
Mexico and Canada agreed to coordinate their response to US tariffs. => agree(Mexico, Canada); cooperate(Mexico, Canada)
The African Union urged Rwanda to withdraw its troops from Congo. => appeal(African Union, Rwanda)
Kenya called on the warring parties in Sudan to allow humanitarian access. =>
The Arab League called on the United Nations Security Council to act. => appeal(Arab League, United Nations Security Council)
Saudi Arabia urged Israel to stop its strikes on Syria. => appeal(Saudi Arabia, Israel)
Egypt, Qatar and the United States called on Israel and Hamas to agree to a truce. => appeal(Egypt, Israel); appeal(Egypt, Hamas); appeal(Qatar, Israel); appeal(Qatar, Hamas); appeal(United States, Israel); appeal(United States, Hamas)
The Gulf Cooperation Council welcomed the agreement between Iran and Saudi Arabia. => agree(Iran, Saudi Arabia)
Indonesia and Malaysia agreed to jointly develop the disputed maritime area. => agree(Indonesia, Malaysia); cooperate(Indonesia, Malaysia)
Colombia and Venezuela agreed to reopen their border crossings. => agree(Colombia, Venezuela)
Ethiopia and Eritrea have not agreed on access to the sea. =>
Turkey and Syria agreed to cooperate on energy. => agree(Turkey, Syria); cooperate(Turkey, Syria)
Egypt will work with Saudi Arabia to stabilise the Red Sea. => cooperate(Egypt, Saudi Arabia)
Morocco strengthened its security cooperation with Spain. => cooperate(Morocco, Spain)
Nigeria joined BRICS as a partner country in January. =>
Egypt, Ethiopia, Iran and the United Arab Emirates joined BRICS in 2024. => member(Egypt, BRICS); member(Ethiopia, BRICS); member(Iran, BRICS); member(United Arab Emirates, BRICS)
Argentina declined to join BRICS. =>
Somalia became the newest member of the East African Community. => member(Somalia, East African Community)
South Sudan is a member of the African Union. => member(South Sudan, African Union)
Saudi Arabia has not formally joined BRICS. =>
Kenya's President William Ruto visited China in April. => visit(William Ruto, China)
Nicolás Maduro travelled to Moscow for the Victory Day parade. => visit(Nicolás Maduro, Moscow)
Mohammed bin Salman arrived in Washington on Monday for his first visit since 2018. => visit(Mohammed bin Salman, Washington)
Recep Tayyip Erdogan flew to Baku for talks with Ilham Aliyev. => visit(Recep Tayyip Erdoğan, Baku); meet(Recep Tayyip Erdoğan, Ilham Aliyev)
Ilham Aliyev and Nikol Pashinyan shook hands at the White House. => meet(Ilham Aliyev, Nikol Pashinyan)
Xi Jinping invited Donald Trump to visit China next year. => invite(Xi Jinping, Donald Trump)
Donald Trump accepted an invitation to visit China. => agree(Donald Trump, China)
Vladimir Putin has invited Narendra Modi to the BRICS summit in Kazan. => invite(Vladimir Putin, Narendra Modi)
The White House said Donald Trump would host Cyril Ramaphosa on Wednesday. => meet(Donald Trump, Cyril Ramaphosa)
Reuters reported that Marco Rubio met Sergey Lavrov in Kuala Lumpur. => meet(Marco Rubio, Sergey Lavrov)
"We agreed to strengthen our partnership," Narendra Modi said after meeting Anthony Albanese. => meet(Narendra Modi, Anthony Albanese)
Keir Starmer said Britain would work closely with France to stop small boat crossings. => cooperate(United Kingdom, France)
The Kremlin denied that Vladimir Putin had met Donald Trump's envoy. =>
Volodymyr Zelenskyy wants to meet Vladimir Putin face to face. => meet(Volodymyr Zelenskyy, Vladimir Putin)
Israel has asked the United States for more interceptors. => appeal(Israel, United States)
Japan urged China to release the detained businessman. => appeal(Japan, China)
China warned Japan not to interfere in Taiwan. =>
Emmanuel Macron congratulated Friedrich Merz on his election. => praise(Emmanuel Macron, Friedrich Merz)
Narendra Modi thanked Donald Trump for his support. => praise(Narendra Modi, Donald Trump)
India condemned the attack and called on Pakistan to act against the militants. => appeal(India, Pakistan)
The Philippines accused China of dangerous manoeuvres near Scarborough Shoal. =>
Pedro Sánchez defended Spain's decision not to raise defence spending. =>
Germany and France pledged to deepen their defence cooperation. => cooperate(Germany, France)
Poland and the Baltic states called for more NATO troops on the eastern flank. =>
Mark Rutte urged allies to boost spending. =>
Armenia and Azerbaijan signed a peace agreement at the White House, witnessed by Donald Trump. => sign(Armenia, Azerbaijan)
South Africa hosted the G20 summit in Johannesburg. =>
Friedrich Merz travelled to Paris and Warsaw on his first day in office. => visit(Friedrich Merz, Paris); visit(Friedrich Merz, Warsaw)
Emmanuel Macron will travel to Washington with Keir Starmer. => visit(Emmanuel Macron, Washington); visit(Keir Starmer, Washington)
The Chinese president arrived in Moscow on Wednesday for a three-day state visit. => visit(Xi Jinping, Moscow)
Vladimir Putin is expected in India in December. =>
Luiz Inacio Lula da Silva met Xi Jinping and signed more than 30 agreements. => meet(Luiz Inacio Lula da Silva, Xi Jinping)
Saudi Arabia and the United States signed a strategic defence agreement during Mohammed bin Salman's visit to Washington. => sign(Saudi Arabia, United States); visit(Mohammed bin Salman, Washington)
Donald Trump said the United States would not give Ukraine more money. =>
Germany is ready to supply Ukraine with more air defence. => aid(Germany, Ukraine)
Russia received a shipment of shells from North Korea, according to Seoul. => aid(North Korea, Russia)
Ukraine received criticism from Hungary over the pipeline. =>
The United States sent a carrier group to the Mediterranean. =>
Japan sent a special envoy to Myanmar. =>
Turkey sent humanitarian aid to Syria after the earthquake. => aid(Turkey, Syria)
NATO allies Poland and Lithuania closed their borders with Belarus. => member(Poland, NATO); member(Lithuania, NATO)
European Union leaders met in Brussels on Thursday. =>
Emmanuel Macron on Thursday hosted a summit in Paris on Ukraine. =>
Keir Starmer on Sunday welcomed European leaders to London. =>
Narendra Modi welcomed Vladimir Putin's remarks on the war. =>
Vladimir Putin received the credentials of new ambassadors at the Kremlin. =>
Friedrich Merz received Emmanuel Macron in Berlin on his first day in office. => meet(Friedrich Merz, Emmanuel Macron); visit(Emmanuel Macron, Berlin)
Donald Trump hosted Benjamin Netanyahu at the White House for the third time. => meet(Donald Trump, Benjamin Netanyahu)
China and Russia held joint air patrols over the Sea of Japan. => cooperate(China, Russia)
South Korea and the United States postponed joint drills. =>
Iran and Russia signed a comprehensive strategic partnership treaty in Moscow. => sign(Iran, Russia)
Pakistan asked China to roll over its debt. => appeal(Pakistan, China)
Hungary's prime minister met Donald Trump at the White House. => meet(Viktor Orbán, Donald Trump)
Vladimir Putin yesterday met the Hungarian prime minister in Moscow. => meet(Vladimir Putin, Viktor Orbán)
Sergey Lavrov met separately with the foreign ministers of Laos and Cambodia. =>
India and the European Union concluded talks on a free trade agreement. => agree(India, European Union)
Bangladesh appealed for international help after the floods. =>
Israel called for the United Nations to disband the agency. => appeal(Israel, United Nations)
Emmanuel Macron and Keir Starmer spoke at the opening of the summit. =>
Anthony Albanese arrived late at the summit in Kuala Lumpur. => visit(Anthony Albanese, Kuala Lumpur)
Chinese Premier Li Qiang held talks with Brazilian President Luiz Inacio Lula da Silva in Rio de Janeiro on the sidelines of the BRICS summit. => meet(Li Qiang, Luiz Inacio Lula da Silva)
Li Qiang met Anwar Ibrahim in Kuala Lumpur and the two sides signed several agreements. => meet(Li Qiang, Anwar Ibrahim)
Narendra Modi is scheduled to visit the United States in February. => visit(Narendra Modi, United States)
Vladimir Putin has not travelled to any country that is a member of the International Criminal Court. =>
The leaders of Japan and South Korea met in Tokyo. => meet(Japan, South Korea)
Kim Jong Un met Xi Jinping in Beijing for the first time in six years. => meet(Kim Jong Un, Xi Jinping)
Kim Jong Un travelled to Beijing by armoured train. => visit(Kim Jong Un, Beijing)
Iran and the International Atomic Energy Agency signed a cooperation agreement in Cairo. => sign(Iran, International Atomic Energy Agency)
The agreement was signed by Abbas Araghchi and Rafael Grossi. =>
Qatar pledged $500 million to support the Syrian government. =>
The European Union will provide 1.2 billion euros to the Palestinian Authority over three years. => pledge(European Union, Palestinian Authority)
The United States urged China and the Philippines to resolve their dispute peacefully. => appeal(United States, China); appeal(United States, Philippines)
The foreign ministers of the Group of Seven called on Russia to agree to a ceasefire. => appeal(Group of Seven, Russia)
Hamas said it had agreed to the proposal presented by Egyptian and Qatari mediators. =>
Israel and Syria held direct talks in Paris, according to officials. => meet(Israel, Syria)
Japan and Australia announced plans to deepen their security cooperation. => cooperate(Japan, Australia)
Georgia has frozen its bid to join the European Union. =>
Moldova hopes to join the European Union by 2030. => member(Moldova, European Union)
Vladimir Putin met Donald Trump in Anchorage and later said the talks were useful. => meet(Vladimir Putin, Donald Trump)
Donald Trump said he would meet Kim Jong Un if he could. => meet(Donald Trump, Kim Jong Un)
"#;

/// One expected relation: kind, subject name, object name (lower case).
type Gold = (RelationKind, String, String);

fn parse(line: &str) -> (&str, Vec<Gold>) {
    let (sentence, gold) = line.split_once(" =>").unwrap_or((line, ""));
    let relations = gold
        .split(';')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| {
            let (kind, args) = r.split_once('(').unwrap_or_else(|| panic!("no `(` in {r}"));
            let kind = RelationKind::new(kind.trim());
            let (s, o) = args.trim_end_matches(')').split_once(',').unwrap_or_else(|| panic!("no `,` in {r}"));
            (kind, s.trim().to_lowercase(), o.trim().to_lowercase())
        })
        .collect();
    (sentence.trim(), relations)
}

/// The names an entity of `doc` answers to, lower case.
fn names(doc: &Document, id: &str) -> BTreeSet<String> {
    doc.entities
        .iter()
        .filter(|e| e.id == id)
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| n.to_lowercase())
        .collect()
}

fn fits(kind: &RelationKind, gold: &str, found: &BTreeSet<String>) -> bool {
    found.contains(gold)
        || (*kind == RelationKind::SIGN
            && found.iter().any(|n| n.len() > 6 && (gold.contains(n.as_str()) || n.contains(gold))))
}

struct Score {
    found: usize,
    right: usize,
    expected: usize,
    hit: usize,
    report: Vec<String>,
}

fn score() -> Score {
    let extractor = Extractor::new().expect("the embedded defaults build");
    let date = Date::new(2025, 6, 17).expect("a date");
    let mut s = Score { found: 0, right: 0, expected: 0, hit: 0, report: Vec::new() };
    for line in CORPUS.lines().filter(|l| !l.trim().is_empty()) {
        let (sentence, gold) = parse(line);
        let doc = extractor.extract_with_date(sentence, date);
        let mut matched = vec![false; gold.len()];
        let mut seen = BTreeSet::new();
        let symmetric = |k: &RelationKind| extractor.rules().kind(k.as_str()).is_some_and(|d| d.symmetric);
        for r in &doc.relations {
            let object_id = r.object.clone().unwrap_or_default();
            let key = if symmetric(&r.kind) && object_id < r.subject {
                (r.kind.clone(), object_id.clone(), r.subject.clone())
            } else {
                (r.kind.clone(), r.subject.clone(), object_id.clone())
            };
            if !seen.insert(key) {
                continue;
            }
            let (subject, object) = (names(&doc, &r.subject), names(&doc, &object_id));
            let hit = gold.iter().position(|(k, gs, go)| {
                *k == r.kind
                    && ((subject.contains(gs) && fits(k, go, &object))
                        || (symmetric(k) && subject.contains(go) && object.contains(gs)))
            });
            s.found += 1;
            match hit {
                Some(i) => {
                    s.right += 1;
                    matched[i] = true;
                }
                None => s.report.push(format!(
                    "unexpected {} {} -> {} in: {sentence}",
                    r.kind.as_str(),
                    r.subject,
                    object_id
                )),
            }
        }
        s.expected += gold.len();
        s.hit += matched.iter().filter(|&&m| m).count();
        for ((kind, subject, object), _) in gold.iter().zip(&matched).filter(|(_, &m)| !m) {
            s.report.push(format!("missed {}({subject}, {object}) in: {sentence}", kind.as_str()));
        }
    }
    s
}

#[test]
fn default_rules_find_most_relations_of_news_sentences_and_few_others() {
    let s = score();
    let precision = s.right as f64 / s.found.max(1) as f64;
    let recall = s.hit as f64 / s.expected.max(1) as f64;
    let summary = format!(
        "precision {precision:.3} ({} of {} found), recall {recall:.3} ({} of {} expected)\n{}",
        s.right,
        s.found,
        s.hit,
        s.expected,
        s.report.join("\n")
    );
    // (shown with --nocapture: what is still missed or wrong)
    eprintln!("{summary}");
    assert!(s.expected > 400, "{summary}");
    assert!(precision >= 0.95, "{summary}");
    assert!(recall >= 0.90, "{summary}");
}

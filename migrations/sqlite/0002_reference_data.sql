-- The portal's taxonomy (identical in ../postgres/): the 13 categories of the 2020 relaunch,
-- the target groups and Milan's 9 municipi. Reference data, present with or without demo data.

INSERT INTO categories (slug, name_it, name_en, description_it, description_en, icon, position) VALUES
('servizi-socio-assistenziali', 'Servizi socio-assistenziali', 'Social care services', 'Assistenza a domicilio, cura della persona, sostegno a chi vive solo.', 'Home care, personal care, support for people living alone.', 'it-user', 1),
('assistenza-sanitaria', 'Assistenza sanitaria', 'Health care', 'Infermieri, fisioterapisti e prestazioni sanitarie a casa.', 'Nurses, physiotherapists and health care at home.', 'it-pa', 2),
('servizi-educativi', 'Servizi educativi', 'Educational services', 'Babysitter, doposcuola, educatori e attività per bambini e ragazzi.', 'Babysitters, after-school help, educators and activities for children and teenagers.', 'it-bookmark', 3),
('servizi-psicologici', 'Servizi psicologici', 'Psychological services', 'Colloqui, sostegno psicologico e gruppi di ascolto.', 'Counselling, psychological support and listening groups.', 'it-comment', 4),
('accompagnamento-con-trasporto', 'Accompagnamento con trasporto', 'Escort with transport', 'Accompagnamento a visite, terapie e commissioni con un mezzo.', 'Escort to medical visits, therapies and errands by vehicle.', 'it-car', 5),
('servizi-estetici-socio-sanitari', 'Servizi estetici in ambito socio-sanitario', 'Beauty care in social and health settings', 'Parrucchiere, pedicure e cura estetica a domicilio per chi non può uscire.', 'Hairdresser, pedicure and beauty care at home for people who cannot go out.', 'it-star-outline', 6),
('piccole-commissioni', 'Piccole commissioni', 'Small errands', 'Spesa, farmacia, posta e piccole incombenze quotidiane.', 'Groceries, pharmacy, post office and small daily tasks.', 'it-box', 7),
('pasti-a-domicilio', 'Pasti a domicilio', 'Meals at home', 'Pasti caldi consegnati a casa, anche per diete speciali.', 'Hot meals delivered at home, special diets included.', 'it-horn', 8),
('piccola-manutenzione-casa', 'Piccola manutenzione casa', 'Small home repairs', 'Piccoli lavori, riparazioni e sicurezza della casa.', 'Small jobs, repairs and home safety.', 'it-tool', 9),
('cura-animali-domestici', 'Cura degli animali domestici', 'Pet care', 'Passeggiate, pet sitting e accompagnamento dal veterinario.', 'Dog walking, pet sitting and trips to the vet.', 'it-settings', 10),
('disbrigo-pratiche', 'Disbrigo pratiche', 'Paperwork assistance', 'Aiuto con ISEE, bonus, moduli e pratiche amministrative.', 'Help with ISEE, benefits, forms and administrative procedures.', 'it-files', 11),
('gestione-lavoro-domestico', 'Gestione del rapporto di lavoro domestico', 'Managing domestic employment', 'Contratti, buste paga e contributi per colf, badanti e babysitter.', 'Contracts, payslips and contributions for domestic workers, carers and babysitters.', 'it-calendar', 12),
('corsi-di-lingua-italiana', 'Corsi di lingua italiana', 'Italian language courses', 'Corsi di italiano per adulti e famiglie di nuovi cittadini.', 'Italian courses for adults and families of new citizens.', 'it-comment', 13);

INSERT INTO target_groups (slug, name_it, name_en, position) VALUES
('anziani', 'Anziani', 'Older people', 1),
('minori', 'Minori 0-18', 'Children 0-18', 2),
('famiglie', 'Famiglie', 'Families', 3),
('disabilita', 'Persone con disabilità', 'People with disabilities', 4),
('adulti', 'Adulti', 'Adults', 5),
('nuovi-cittadini', 'Nuovi cittadini', 'New citizens', 6);

INSERT INTO municipi (id, name) VALUES
(1, 'Municipio 1'), (2, 'Municipio 2'), (3, 'Municipio 3'), (4, 'Municipio 4'), (5, 'Municipio 5'),
(6, 'Municipio 6'), (7, 'Municipio 7'), (8, 'Municipio 8'), (9, 'Municipio 9');

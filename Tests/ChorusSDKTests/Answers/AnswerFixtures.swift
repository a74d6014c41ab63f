import ChorusMock
import Foundation
@testable import ChorusSDK

/// Answers in the shapes the platform is known to send, written from `Documentation/PlatformReference.md` (§5.7 AIFE example, §5.11–
/// §5.16, §13) and other clients' fixtures (go-choruspro's tests, the PHP client's array-wrapped history), each with
/// the public call that reads it. The values are the documents', not the fake's.
struct AnswerFixture: Sendable {
    let name: String
    let path: String
    let json: String
    /// Reads the answer through the public API and returns what the caller gets.
    let read: @Sendable (ChorusClient) async throws -> AnyHashable

    static let all: [AnswerFixture] = [
        AnswerFixture(name: "consulter/historique (blocks as objects, §5.13)", path: "/cpro/factures/v1/consulter/historique", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","idFacture":2194673,"numeroFacture":"FAC19-2512","modeDepot":"DEPOT_PDF_API",
         "statutCourantCode":"MISE_A_DISPOSITION","derniereAction":{"derniereActionCode":"TELECHARGEMENT_FACTURE","derniereActionId":1},
         "historiquesDesStatuts":{"histoStatut":[
           {"histoStatutId":8548204,"histoStatutCode":"MISE_A_DISPOSITION","histoStatutDatePassage":"2018-04-19 11:09",
            "histoStatutCommentaire":null,"histoStatutUtilisateurNom":"Martin","histoStatutUtilisateurPrenom":"Anne",
            "histoStatutUtilisateurEmail":"anne.martin@example.fr","histoStatutUtilisateurTelephone":"0102030405"},
           {"histoStatutId":8548152,"histoStatutCode":"DEPOSEE","histoStatutDatePassage":"2018-04-19 11:08"}],
          "nbResultatsParPageHistoStatut":10,"pageCouranteHistoStatut":1,"pagesHistoStatut":1,"totalHistoStatut":2},
         "historiquesDesActionsUtilisateurs":{"histoAction":[{"histoActionId":1,"histoActionCode":"TELECHARGEMENT_FACTURE",
           "histoActionDateHeure":"2018-04-20 09:15","histoActionUtilisateurNom":"Durand"}],"totalHistoAction":1},
         "historiquesDesEvenementsComplementaires":{"evenement":[{"evenementId":3,"evenementLibelle":"Relance",
           "evenementDateHeure":"2018-04-21 10:00","evenementQui":"Service facturier"}]}}
        """, read: { AnyHashable(try await $0.invoices.history(invoiceID: 2194673)) }),
        AnswerFixture(name: "consulter/historique (blocks wrapped in arrays, the PHP client's shape, §13.7)",
                      path: "/cpro/factures/v1/consulter/historique", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","idFacture":2194673,"numeroFacture":"FAC19-2512","statutCourantCode":"DEPOSEE",
         "historiquesDesStatuts":[{"histoStatut":[{"histoStatutId":8548152,"histoStatutCode":"DEPOSEE",
           "histoStatutDatePassage":"2018-04-19 11:08"}],"totalHistoStatut":1}],
         "historiquesDesActionsUtilisateurs":[{"histoAction":[]}],"historiquesDesEvenementsComplementaires":[{"evenement":[]}]}
        """, read: { AnyHashable(try await $0.invoices.history(invoiceID: 2194673)) }),
        AnswerFixture(name: "consulter/historique (entries as arrays)", path: "/cpro/factures/v1/consulter/historique", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","idFacture":"2194673","statutCourantCode":"SUSPENDUE",
         "historiquesDesStatuts":[{"histoStatutCode":"SUSPENDUE","histoStatutDatePassage":"2018-04-19 11:20",
           "histoStatutCommentaire":"Bon de commande manquant"},{"histoStatutCode":"DEPOSEE","histoStatutDatePassage":"2018-04-19 11:08"}]}
        """, read: { AnyHashable(try await $0.invoices.history(invoiceID: 2194673)) }),
        AnswerFixture(name: "consulter/fournisseur (§5.12, every block)", path: "/cpro/factures/v1/consulter/fournisseur", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","facture":{"identifiantFactureCPP":8316845,"numeroFacture":"F2026-0042",
         "statutFacture":"MISE_A_DISPOSITION","modeDepot":"SAISIE_API","commentaire":"Livraison de mars",
         "cadreDeFacturation":{"codeCadreFacturation":"A9_FACTURE_SOUSTRAITANT","codeValideur1":44100778800019,
           "raisonSocialeValideur1":"BATIMENT GENERAL SA","idValideur1":26262003,"dateValidation1":"2026-03-03"},
         "destinataire":{"codeDestinataire":"78439607900054","idDestinataire":26300001,"libelleDestinataire":"OPERA NATIONAL DE PARIS",
           "codeServiceExecutant":"DIRECTION_ACHATS","idServiceExecutant":10657001,"libelleServiceExecutant":"Direction des achats",
           "destinataireEtat":"NON","adresseDestinataireVille":"PARIS","adresseDestinataireCodePostal":"75009",
           "adresseDestinataireCodePays":"FR"},
         "fournisseur":{"idFournisseur":26262001,"codeFournisseur":"81200456700019","typeIdentifiantFournisseur":"SIRET",
           "designationFournisseur":"ATELIER DUPONT SARL","numeroRcsFournisseur":"RCS LYON 812 004 567",
           "coordBancairesFournisseurId":144050,"coordBancairesFournisseurType":"IBAN","coordBancairesFournisseurCompteBancaire":"FR7630006000011234567890189",
           "coordBancairesFournisseurCleIban":76,"coordBancairesFournisseurCleRib":89,"coordBancairesFournisseurCodeBanque":30006,
           "coordBancairesBicSwift":"AGRIFRPP","coordBancairesCodeGuichet":"00001",
           "affactureur":{"affactureurCode":"55210055400013","affactureurRaisonSociale":"FACTOR SA","affactureurTypeIdentifiant":"SIRET"}},
         "references":{"codeDeviseFacture":"EUR","libelleDeviseFacture":"Euro","typeFacture":"FACTURE","typeTva":"TVA_SUR_DEBIT",
           "modePaiement":"VIREMENT","numeroMarche":"VABFM001","numeroBonCommande":"EJ0000048295","numeroDpMandat":"MDT-17",
           "dateFacture":"2026-03-01","dateDepot":"2026-03-02","dateCreationFacture":"2026-03-02T10:12:24.777+01:00",
           "dateEcheancePaiement":"2026-04-01","tailleTotalePiecesJointes":120.5},
         "lignesDePoste":{"lignePoste":[{"lignePosteNumero":1,"lignePosteReference":"R1","lignePosteDenomination":"Décors",
           "lignePosteQuantite":10,"lignePosteUniteCode":"lot","lignePosteMontantUnitaireHT":50,"lignePosteTauxTva":"TVA5",
           "lignePosteMontantHtApresRemise":500,"lignePosteMontantTva":100,"lignePosteMontantTtcApresRemise":600}],
           "nbResultatsParPageLignesPoste":10,"pageCouranteLignesPoste":1,"pagesLignesPoste":1,"totalLignesPoste":1},
         "recapitulatifDeTva":{"ligneTva":[{"ligneTvaMontantBaseHtParTaux":500,"ligneTvaMontantTvaParTaux":100,"ligneTvaTauxRefCode":"TVA5",
           "ligneTvaTauxRefValeur":20}],"totalLignesRecapitulativesTVA":1},
         "montantTotal":{"montantHtTotal":500,"montantTVA":100,"montantTtcAvantRemiseGlobalTTC":600,"montantTtcTotal":600,"montantAPayer":600},
         "pieceJointePrincipale":{"idPieceJointePrincipale":28206,"idLiaisonPieceJointePrincipale":9},
         "listeDesPiecesJointes":{"pieceJointe":[{"pieceJointeId":28207,"pieceJointeDesignation":"Bon de livraison",
           "pieceJointeExtension":"PDF","pieceJointeTypeCode":"01","pieceJointeNumeroLigneFacture":1}],"totalListePiecesJointe":1}}}
        """, read: { AnyHashable(try await $0.invoices.details(invoiceID: 8316845)) }),
        AnswerFixture(name: "rechercher/fournisseur (§5.11)", path: "/cpro/factures/v1/rechercher/fournisseur", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","listeFactures":[{"identifiantFactureCPP":8316845,"numeroFacture":"F2026-0042",
          "statut":"SUSPENDUE","numeroFluxDepot":"CPP0011110000000000001557","typeFacture":"FACTURE","typeDemandePaiement":"FACTURE",
          "dateFacture":"2026-03-01","dateDepot":"2026-03-02","dateHeureEtatCourant":"2026-03-04T09:00:00.000+01:00",
          "montantHT":500,"montantTTC":600,"montantAPayer":600,"devise":"EUR","modeDepot":"SAISIE_API",
          "codeFournisseur":"81200456700019","designationFournisseur":"ATELIER DUPONT SARL","idDestinataire":26300001,
          "codeDestinataire":"78439607900054","designationDestinataire":"OPERA NATIONAL DE PARIS","codeServiceExecutant":"DIRECTION_ACHATS",
          "numeroBonCommande":"EJ1","numeroMarche":"M1","commentaireEtatCourant":"Pièce manquante","rejetTraite":false,"taille":2048,
          "codeValideur1":44100778800019,"coordBancairesFournisseurNomCb":"Compte principal"}],
         "parametresRetour":{"nbResultatsParPage":10,"pageCourante":1,"pages":1,"total":1}}
        """, read: { client in
            let page = try await client.invoices.search(InvoiceQuery())
            return AnyHashable([AnyHashable(page.items), AnyHashable(page.info)])
        }),
        AnswerFixture(name: "consulterCRDetaille (§5.7, AIFE example)", path: "/cpro/transverses/v1/consulterCRDetaille", json: """
        {"codeRetour":0,"libelle":"TRA_MSG_00.000","codeInterfaceDepotFlux":"FSO1110A","dateDepotFlux":"2018-02-16T15:10:25.536+01:00",
         "dateHeureEtatCourantFlux":"2018-02-16T15:10:28.137+01:00","etatCourantDepotFlux":"IN_INTEGRE_PARTIEL",
         "nomFichier":"FSO1110A_CPP001_CPP0011110000000000001557",
         "listeErreurDP":{"identifiantFournisseur":"00000000005719","identifiantDestinataire":"00000000005734","numeroDP":"F1110_NBO050740100",
           "libelleErreurDP":"L'identifiant fournisseur de la demande de paiement n'est pas reference dans notre systeme."},
         "listeErreurTechnique":[{"codeErreur":"E1","libelleErreur":"Fichier illisible","natureErreur":"FORMAT"}]}
        """, read: { AnyHashable(try await $0.invoices.fluxReport("CPP0011110000000000001557")) }),
        AnswerFixture(name: "rechercher/recipiendaire (paging at the top level, §3.2)", path: "/cpro/factures/v1/rechercher/recipiendaire",
                      json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","listeFactures":[{"idFacture":8316845,"numeroFacture":"F2026-0042","statut":"MISE_A_DISPOSITION",
          "codeFournisseur":"81200456700019","designationFournisseur":"ATELIER DUPONT SARL","idFournisseur":26262001,"montantHT":500,
          "montantTTC":600,"montantAPayer":600,"factureTelechargeeParDestinataire":false,"dateDepot":"2026-03-02",
          "dateHeureEtatCourant":"2026-03-04T09:00:00+01:00","typeFactureTravaux":null}],
         "nbResultatsParPage":10,"pageCourante":1,"pages":1,"total":1}
        """, read: { client in
            let page = try await client.receivedInvoices.search(ReceivedInvoiceQuery())
            return AnyHashable([AnyHashable(page.items), AnyHashable(page.info)])
        }),
        AnswerFixture(name: "traiter/recue (go-choruspro)", path: "/cpro/factures/v1/traiter/recue", json: """
        {"codeRetour":0,"libelle":"GCU_MSG_01_000","idFacture":8316845,"numeroFacture":"F2026-0042","nouveauStatut":"MANDATEE",
         "dateTraitement":"2026-03-05"}
        """, read: { AnyHashable(try await $0.receivedInvoices.process(invoiceID: 8316845, to: .mandated)) }),
        AnswerFixture(name: "engagementsJuridiques/v1/rechercher", path: "/cpro/engagementsJuridiques/v1/rechercher", json: """
        {"codeRetour":0,"libelle":"TRA_MSG_00.000","listeEngagementJuridique":[{"numeroEngagementJuridique":"EJ0000048295",
          "libelleEtatCourantEJ":"COMMANDE","idStructureEmettrice":26300004,"montantEngagementJuridique":1500.5}]}
        """, read: { AnyHashable(try await $0.structures.commitments(number: "EJ0000048295", supplierID: 26262001)) }),
        AnswerFixture(name: "consulter/information/siret (go-choruspro)", path: "/cpro/transverses/v1/consulter/information/siret", json: """
        {"codeRetour":0,"libelle":"l","adresse":"a","categorieEntreprise":"ce","categorieJuridique":"cj","civilite":"c",
         "dateCreationEntreprise":"2000-01-01","dateCreationEtablissement":"2000-01-01","dateReactivationEtablissement":"2000-01-01",
         "estActif":true,"localisationSiege":"l","nonDiffusibleInsee":false,"numeroInterneClassement":"n","raisonSociale":"rs",
         "siege":"s","siren":"s","siret":"s","siretPredecesseurSuccesseur":"s"}
        """, read: { AnyHashable(try await $0.structures.siretInformation(siret: FakeSeed.supplierSIRET)) }),
        AnswerFixture(name: "facturesTravaux/v1/rechercher (a PHP client's test)", path: "/cpro/facturesTravaux/v1/rechercher", json: """
        {"codeRetour":0,"libelle":"TRA_MSG_00.000","parametresRetour":{"pageCourante":1,"pages":1},
         "listeFacturesTravaux":[{"idFactureTravaux":1234,"statut":"A_VALIDER_MOE","montantHT":100}]}
        """, read: { client in
            let page = try await client.worksInvoices.search(role: .owner)
            return AnyHashable([AnyHashable(page.items), AnyHashable(page.info)])
        }),
    ]
}

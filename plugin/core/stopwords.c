/*
 * Function words of the languages news pages are most often written in
 * (English, German, French, Spanish, Portuguese, Italian, Indonesian,
 * Russian, Dutch). Their
 * density tells running prose from menus and link lists (the jusText idea:
 * Pomikálek, "Removing Boilerplate and Duplicate Content from Web Corpora",
 * 2011); the lists are the most frequent closed-class words of each
 * language, written out by hand.
 */
#include "internal.h"

const char *const lx_stopwords[] = {
    /* English */
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "doing", "down", "during", "each", "even", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "like",
    "many", "may", "me", "might", "more", "most", "much", "must", "my", "no",
    "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other",
    "our", "out", "over", "own", "said", "same", "says", "she", "should", "since",
    "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "would",
    "you", "your", "yet", "although", "though", "told", "according", "across",
    /* German */
    "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "einem",
    "zu", "den", "dem", "des", "mit", "von", "sich", "auf", "für", "im", "es",
    "auch", "als", "wie", "bei", "sind", "oder", "aus", "wird", "nach", "noch",
    "um", "über", "werden", "einer", "wurde", "kann", "sie", "er", "wir", "ich",
    "dass", "hat", "haben", "durch", "aber", "nur", "zum", "zur", "vom", "wenn",
    "sein", "seine", "ihre", "war", "diese", "dieser", "mehr", "schon", "bis",
    /* French */
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "en", "que",
    "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "cette", "il",
    "elle", "ils", "sont", "par", "plus", "se", "ne", "son", "sa", "ses", "mais",
    "ou", "été", "être", "à", "leur", "nous", "vous", "comme", "fait", "ont",
    /* Spanish */
    "el", "los", "las", "del", "y", "que", "es", "por", "con", "para", "su",
    "sus", "al", "lo", "como", "más", "pero", "fue", "ha", "este", "esta", "son",
    "entre", "sobre", "también", "muy", "hay", "ya", "sin", "cuando",
    /* Portuguese */
    "o", "os", "as", "do", "da", "dos", "das", "e", "em", "no", "na", "nos",
    "nas", "um", "uma", "não", "é", "ao", "foi", "seu", "sua", "pelo", "pela",
    "mais", "mas", "ele", "ela", "também", "já", "quando", "muito", "nem",
    /* Italian */
    "il", "gli", "di", "della", "delle", "dei", "che", "è", "per", "non", "da",
    "dal", "alla", "sono", "ma", "nel", "nella", "questo", "anche", "ci",
    /* Indonesian and Malay */
    "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam",
    "tidak", "akan", "pada", "juga", "ke", "karena", "ada", "adalah", "oleh",
    "atau", "sebagai", "mereka", "kita", "kami", "telah", "sudah", "bisa",
    /* Russian */
    "и", "в", "не", "на", "что", "с", "как", "а", "то", "по", "это", "он",
    "из", "у", "к", "за", "от", "для", "но", "так", "же", "все", "она", "мы",
    "вы", "они", "о", "было", "бы", "был", "была", "только", "или", "при",
    /* Dutch */
    "het", "een", "van", "op", "te", "dat", "voor", "met", "zijn", "niet", "aan",
    "er", "ook", "bij", "door", "naar", "maar", "wordt", "worden", "hij", "ze"};

const size_t lx_stopwords_n = sizeof lx_stopwords / sizeof lx_stopwords[0];

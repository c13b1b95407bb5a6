"""Demo translations of the explanation page (Arabic, Tigrinya, English).

Written for the demo; a gemeente has its own texts checked by a professional translator before use.
"""

from pip.models import Toelichting

TOELICHTINGEN = {
    "ar": {
        "titel": "شرح رسالتك: خطة الاندماج والمشاركة",
        "rechtsgeldigheid": (
            "هذه الصفحة شرح فقط. الرسالة الهولندية هي القرار الرسمي والنص القانوني. "
            "لا يمكنك أن تستمد أي حقوق من هذا الشرح."
        ),
        "uitleg_pip": (
            "خطة الاندماج والمشاركة (PIP) هي قرار من البلدية. تذكر الخطة ما ستفعله لتتعلم اللغة الهولندية "
            "وتشارك في المجتمع، وما ستفعله البلدية من أجلك. إذا لم تلتزم بالخطة دون سبب وجيه، "
            "يمكن أن تفرض عليك البلدية غرامة."
        ),
        "uitleg_bezwaar": (
            "إذا كنت لا توافق على هذا القرار، يمكنك تقديم اعتراض (bezwaar). يجب أن يصل اعتراضك إلى البلدية "
            "في موعد أقصاه {bezwaar_uiterlijk}. اكتب في رسالتك اسمك وعنوانك ورقم المرجع {kenmerk} "
            "ولماذا لا توافق، ووقّع عليها."
        ),
        "uitleg_regisseur": "هل لديك أسئلة؟ اتصل بمرشدك {regisseur} على الرقم {telefoon}. يمكنك أن تطلب مترجمًا.",
    },
    "ti": {
        "titel": "መግለጺ ደብዳቤኻ፡ ውጥን ምውህሃድን ተሳትፎን",
        "rechtsgeldigheid": "እዚ ገጽ መግለጺ ጥራይ እዩ። እቲ ብሆላንድኛ ዝተጻሕፈ ደብዳቤ እዩ ወግዓዊ ውሳነን ሕጋዊ ጽሑፍን።",
        "uitleg_pip": (
            "ውጥን ምውህሃድን ተሳትፎን (PIP) ውሳነ ምምሕዳር ከተማ እዩ። ሆላንድኛ ንምምሃርን ኣብ ሕብረተሰብ ንምስታፍን "
            "እንታይ ከም እትገብር፡ ምምሕዳር ከተማ ድማ እንታይ ከም ዝገብረልካ ይገልጽ።"
        ),
        "uitleg_bezwaar": (
            "በዚ ውሳነ እንተዘይተሰማማዕካ፡ ተቓውሞ (bezwaar) ከተቕርብ ትኽእል ኢኻ። ተቓውሞኻ ክሳብ {bezwaar_uiterlijk} "
            "ናብ ምምሕዳር ከተማ ክበጽሕ ኣለዎ። ስምካ፡ ኣድራሻኻ፡ ቁጽሪ መወከሲ {kenmerk}ን ስለምንታይ ከም ዘይተሰማማዕካን ጽሓፍ።"
        ),
        "uitleg_regisseur": "ሕቶ ኣሎካ ድዩ? ንኣማኻሪኻ {regisseur} ብቁጽሪ {telefoon} ደውለሉ። ተርጓሚ ክትሓትት ትኽእል ኢኻ።",
    },
    "en": {
        "titel": "Your letter explained: your Civic Integration and Participation Plan",
        "rechtsgeldigheid": (
            "This page only explains the letter. The Dutch letter is the decision and the legal text; "
            "you cannot derive rights from this explanation."
        ),
        "uitleg_pip": (
            "Your Civic Integration and Participation Plan (PIP) is a decision of the municipality. It says what "
            "you will do to learn Dutch and take part in society, and what the municipality does for you. If you "
            "do not keep to the plan without a good reason, the municipality can fine you."
        ),
        "uitleg_bezwaar": (
            "Do you disagree with this decision? Then you can object (bezwaar). Your objection must reach the "
            "municipality by {bezwaar_uiterlijk} at the latest. Write down your name, your address, the reference "
            "{kenmerk} and why you disagree, and sign it."
        ),
        "uitleg_regisseur": (
            "Do you have questions? Call your case manager {regisseur} on {telefoon}. You may ask for an interpreter."
        ),
    },
}


def laad_toelichtingen() -> int:
    """Idempotent: a language that already has an explanation keeps the beheerder's text."""
    return sum(
        Toelichting.objects.get_or_create(taal=taal, defaults=teksten)[1] for taal, teksten in TOELICHTINGEN.items()
    )

"""The contextual text of a passage: what is embedded and indexed lexically."""


def contextual(title: str, section: str, text: str) -> str:
    head = title if not section else f"{title} > {section}"
    return f"{head}\n{text}"

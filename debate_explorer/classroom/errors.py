"""What can go wrong in a class, as exceptions whose message can be shown to a teacher or student as it is."""

from __future__ import annotations


class ClassroomError(Exception):
    """A problem the reader can act on; ``str(error)`` is a complete, friendly sentence."""


class UnknownCode(ClassroomError):
    def __init__(self) -> None:
        super().__init__("There is no open class with that code. Check the code with your teacher.")


class ClassClosed(ClassroomError):
    def __init__(self) -> None:
        super().__init__("This class debate has been closed by the teacher.")


class BadToken(ClassroomError):
    def __init__(self, what: str = "link") -> None:
        super().__init__(f"This {what} is not valid any more. Ask your teacher for a new one.")


class WrongPhase(ClassroomError):
    pass


class TooLong(ClassroomError):
    pass


class BadInput(ClassroomError):
    pass


class RateLimited(ClassroomError):
    def __init__(self) -> None:
        super().__init__("Too many wrong codes from here. Wait a minute, then try again.")


class DatabaseUnavailable(ClassroomError):
    def __init__(self) -> None:
        super().__init__(
            "The class database cannot be reached right now. Nothing you entered was lost: "
            "try again in a moment."
        )

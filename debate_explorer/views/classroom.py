"""Classroom page: a teacher starts a class debate and runs it; students join by code and take part.

``?class=CODE&teacher=SECRET`` opens the teacher's dashboard, ``?class=CODE&seat=TOKEN`` a student's seat
(so a refresh resumes it), ``?class=CODE`` the join form. Everything is read through the classroom service.
"""

from __future__ import annotations

import streamlit as st

from debate_explorer.views import classroom_student as student
from debate_explorer.views import classroom_teacher as teacher
from debate_explorer.views import render
from debate_explorer.views.classroom_common import query, service_or_stop

service = service_or_stop()
code, secret, token = query("class"), query("teacher"), query("seat")

if code and secret:
    teacher.dashboard(service, teacher.teacher_key(service, code, secret), secret)
elif token:
    student.seat_page(service, student.seat_key(service, token))
else:
    st.title("Class debates")
    if deleted := st.session_state.pop("class.deleted", None):
        st.success(f"Class {render.md(deleted)} and all its data were deleted.")
    student.join_form(service, code)
    st.divider()
    st.header("Start a class debate (teachers)")
    st.caption(
        "Students join with a code, without accounts, under anonymous names. They vote before and after, "
        "read the positions and hand in rebuttals; you see live counts, the result and their work."
    )
    teacher.start_form(service)

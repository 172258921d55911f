"""The classroom server's web presenter: Starlette handlers, pushes over WebSocket, the pages.

Handlers translate HTTP and WebSocket messages into calls on the classroom
domain (`game.classroom.classes`, `live_class`, `browser_play`) and the
answers back into JSON and HTML; they hold no rules of their own. The pages
are Jinja2 templates (autoescaped) with a little script for live updates; a
student's own play works without any script at all.
"""

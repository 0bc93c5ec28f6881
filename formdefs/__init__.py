"""Form definitions as data: the schema (pydantic), conditions, the shared checks, and the compilers to Django
forms and to a payload model."""

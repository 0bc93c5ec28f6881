"""Form definitions as data: the schema (pydantic), conditions, and the compilers to Django forms and to a payload model."""

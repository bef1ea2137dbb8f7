"""`python -m tasks.fake_apis`: serve the fakes in the foreground (see main)."""

from .apis import main

main()

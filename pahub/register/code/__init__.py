"""The code of conduct: its text and the services that publish and sign it."""

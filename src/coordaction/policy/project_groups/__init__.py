"""Project groups keep their own sheet: "C'est notre projet : le mettre à jour"."""

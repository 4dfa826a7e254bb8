import LernpfadCore
print("lernpfad")
